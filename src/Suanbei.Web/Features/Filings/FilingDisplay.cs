using Suanbei.Core.Filings;

namespace Suanbei.Web.Features.Filings;

/// <summary>How a filing's version and addresses read on the pages.</summary>
public static class FilingDisplay
{
    /// <summary>首次备案 for the initial version, 第N版（变更） for a change.</summary>
    public static string Version(AlgorithmFiling f) => Version(f.Kind, f.Revision);

    public static string Version(FilingKind kind, int revision) => kind == FilingKind.Change ? $"第{revision}版（变更）" : "首次备案";

    /// <summary>An address as a person reads it: the percent-encoded filing number in the path shown decoded (the link keeps the encoded
    /// form).</summary>
    public static string Readable(string url)
    {
        try { return Uri.UnescapeDataString(url); }
        catch (UriFormatException) { return url; }
    }
}
