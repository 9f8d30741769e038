using Microsoft.EntityFrameworkCore;
using Suanbei.Registry;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.GenAiNumbers;

/// <summary>
/// The generative-AI services published by this system, read from the registry (where the feed put them), in the two
/// tables of the CAC's lists: 已备案 and 已登记, each in order of 备案时间.
/// </summary>
public static class PublicServices
{
    /// <summary>The columns of the lists' 备案 table (as the 2024 lists print them).</summary>
    public static readonly string[] FilingHeader = ["序号", "属地", "模型名称", "备案单位", "备案号", "备案时间"];
    /// <summary>The columns of the 登记 table (the 2024-08 list's header row: 应用/功能名称, 登记单位, 上线编号, 登记时间).</summary>
    public static readonly string[] RegistrationHeader = ["序号", "属地", "应用/功能名称", "登记单位", "上线编号", "登记时间"];

    /// <summary>The stable public URL of one service: /public/genai/{number} (URL-encoded).</summary>
    public static string PathOf(string number) => "/public/genai/" + Uri.EscapeDataString(number);

    public static async Task<List<RegistryEntry>> ListAsync(SuanbeiDbContext db, GenerativeAiKind kind, CancellationToken ct) =>
        await db.Set<RegistryEntry>().AsNoTracking()
            .Where(e => e.FiledHere && e.GenerativeKind == kind)
            .OrderBy(e => e.FiledOn).ThenBy(e => e.Number)
            .ToListAsync(ct);
}
