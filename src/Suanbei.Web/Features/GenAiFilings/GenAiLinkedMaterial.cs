using Suanbei.Core.GenerativeAi;

namespace Suanbei.Web.Features.GenAiFilings;

/// <summary>
/// One toolkit link of a filing as the filer and the reviewer see it: the material, the bank version or run it names
/// (<see cref="Title"/>, with items and date in <see cref="Detail"/>), the quota or threshold check (<see cref="Ok"/>; null
/// when the linked version or run no longer exists) with each shortfall in Chinese, and where to download its file.
/// </summary>
public sealed record GenAiLinkedMaterial(string Key, string MaterialName, string Part, GenerativeAiMaterialSource Source,
    string Title, string Detail, bool? Ok, IReadOnlyList<string> Shortfalls, string? DownloadUrl);
