using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Registry;
using Suanbei.Registry.Store;

namespace Suanbei.Web.Features.Registry;

/// <summary>Public registry search: Chinese substring search plus filters, sorting and paging (GET only, no login).</summary>
public sealed class IndexModel(IRegistryStore store) : PageModel
{
    public RegistrySearchResult? Result { get; private set; }
    public string? Error { get; private set; }
    public RegistryQuery Query { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (query, error) = RegistryQueryBinding.From(Request.Query, defaultPageSize: 20);
        if (query is null) { Error = error; return; }
        Query = query;
        Result = await store.SearchAsync(query, ct);
    }

    public string Carry(params (string, string?)[] overrides) => RegistryQueryBinding.Carry(Request.Query, overrides);
    /// <summary>The province of the filter in any form people type (北京, 京, 11, 110000), for the select list.</summary>
    public Suanbei.Core.Identifiers.Regions.Province? SelectedProvince => Suanbei.Core.Identifiers.Regions.Resolve(Value("province"));

    public string? Value(string key) => Request.Query.TryGetValue(key, out var v) ? v.ToString() : null;
}
