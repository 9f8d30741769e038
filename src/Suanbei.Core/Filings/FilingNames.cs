namespace Suanbei.Core.Filings;

/// <summary>Chinese names for the filing enums, in one place.</summary>
public static class FilingNames
{
    /// <summary>A draft sent back by a reviewer (<see cref="AlgorithmFiling.IsReturned"/>).</summary>
    public const string Returned = "已退回";

    public static readonly IReadOnlyList<DataModality> Modalities =
        [DataModality.Text, DataModality.Image, DataModality.Audio, DataModality.Video, DataModality.VirtualScene];
}
