namespace Suanbei.Web.Features.Registry;

public static class RegistryEndpoints
{
    public static void Map(IEndpointRouteBuilder app) { }
}
