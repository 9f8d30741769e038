namespace Suanbei.Web.Features.Organisations;

/// <summary>One organisation an account may act for, as `GET /api/v1/organisations` lists it.</summary>
public sealed record OrganisationResponse(string Id, string Name, string Kind, string Role, string? Via, bool Current);
