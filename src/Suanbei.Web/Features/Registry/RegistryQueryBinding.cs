using Suanbei.Registry;

namespace Suanbei.Web.Features.Registry;

/// <summary>One mapping from query-string parameters to a <see cref="RegistryQuery"/>, shared by the page, export and API.</summary>
public static class RegistryQueryBinding
{
    public static readonly string[] Keys = ["q", "role", "type", "province", "year", "batch", "status", "source", "sort"];

    /// <summary>The query, or a Chinese error naming the parameter.</summary>
    public static (RegistryQuery? Query, string? Error) From(IQueryCollection qs, int defaultPageSize = 50)
    {
        string? S(string k) => qs.TryGetValue(k, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;
        int? I(string k, out string? err)
        {
            err = null;
            var s = S(k);
            if (s is null) return null;
            if (int.TryParse(s, out var n)) return n;
            err = $"参数 {k} 应为整数，实际为“{s}”";
            return null;
        }
        try
        {
            var year = I("year", out var e1);
            var page = I("page", out var e2);
            var size = I("pageSize", out var e3);
            if ((e1 ?? e2 ?? e3) is { } err) return (null, err);
            var q = new RegistryQuery
            {
                Text = S("q"),
                Role = S("role"),
                Type = S("type"),
                Province = S("province"),
                Year = year,
                Batch = S("batch"),
                Status = RegistryQuery.ParseStatus(S("status")),
                Source = RegistryQuery.ParseSource(S("source")),
                Sort = RegistryQuery.ParseSort(S("sort")),
                Page = page ?? 1,
                PageSize = size ?? defaultPageSize,
            };
            return q.Validate() is { } error ? (null, error) : (q, null);
        }
        catch (RegistryQueryException e) { return (null, e.Message); }
    }

    /// <summary>The current filters as a query string (without page), for links to export and other pages.</summary>
    public static string Carry(IQueryCollection qs, params (string Key, string? Value)[] overrides)
    {
        var pairs = Keys.Where(k => qs.ContainsKey(k) && !string.IsNullOrWhiteSpace(qs[k]))
            .ToDictionary(k => k, k => (string?)qs[k].ToString());
        foreach (var (k, v) in overrides) pairs[k] = v;
        return string.Join("&", pairs.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
    }
}
