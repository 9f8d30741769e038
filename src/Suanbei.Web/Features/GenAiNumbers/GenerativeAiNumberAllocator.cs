using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Suanbei.Core;
using Suanbei.Core.GenerativeAi;
using Suanbei.Core.Identifiers;
using Suanbei.Core.Registry;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.GenAiNumbers;

/// <summary>
/// Issues generative-AI numbers in the published scheme: <c>&lt;属地拼音&gt;-&lt;Name&gt;-&lt;YYYYMMDD&gt;</c> for 备案 and
/// <c>…-&lt;YYYYMMDD&gt;S&lt;NNNN&gt;</c> for 登记.
/// <para>The 登记 sequence counts per 属地 and year, across dates: the published 登记 rows of 2024 run on per province
/// (上海 S0001–S0003 on 0521, S0004–S0009 on 0626, S0010–S0020 on 0729; 四川 S0001 on 0513, S0002 on 0704), never restarting
/// at a new date; a restart each January is assumed, the lists showing one year only. 备案 numbers carry no sequence (the
/// scheme of the issue; the four-digit suffix some 2024 lists add is decoded but not issued), so a second 备案 with the same
/// 属地, name and date is refused: the reviewer edits the name.</para>
/// <para>Insert-and-retry in a context of its own, provider-neutral: the next sequence after the highest ever issued is
/// saved; when another issue got there first, a unique index rejects the save and the attempt is repeated. Rows are never
/// deleted, so a number withdrawn with its filing stays taken.</para>
/// </summary>
public sealed class GenerativeAiNumberAllocator(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const int MaxAttempts = 25;
    public const int MaxNumberLength = 200;
    /// <summary>The digits after S of a 登记 number (…S0001), as every published 登记 row has them.</summary>
    private const int RegistrationWidth = 4;

    /// <param name="province">属地 in any usual form (北京市, 北京, 京, 11, Beijing) or 国资委 for central enterprises.</param>
    /// <param name="romanisedModelName">The name part, e.g. from <see cref="Pinyin.Romanise"/>, as the reviewer left it.</param>
    /// <exception cref="DomainException">A part is not valid (the message names it), or the 备案 number is taken.</exception>
    public async Task<string> IssueAsync(GenerativeAiFilingKind kind, string province, string romanisedModelName, DateOnly date,
        CancellationToken ct)
    {
        var place = ProvincePinyin(province);
        var name = (romanisedModelName ?? "").Trim();
        var stem = $"{place}-{name}-{date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";
        // Decode the number as it would be issued (S0001 stands in for any sequence): it names the wrong part in Chinese.
        var rules = GenerativeAiNumberRules.Current;
        var width = kind == GenerativeAiFilingKind.Registration ? RegistrationWidth
            : rules.FilingHasSequence(date) ? rules.FilingSequenceWidth : 0;
        var first = width == 0 ? "" : 1.ToString(new string('0', width), CultureInfo.InvariantCulture);
        var check = GenerativeAiNumber.Decode(kind == GenerativeAiFilingKind.Registration ? stem + "S" + first : stem + first);
        if (name.Length == 0) throw new DomainException("模型名称拼音不能为空。");
        if (!check.Valid) throw new DomainException("模型名称拼音或日期不能组成有效编号：" + string.Join("；", check.Problems));
        if (stem.Length + 5 > MaxNumberLength) throw new DomainException($"模型名称拼音过长（编号不能超过 {MaxNumberLength} 个字符）。");

        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SuanbeiDbContext>();
            var issued = db.Set<IssuedGenerativeAiNumber>();
            int? sequence = null;
            if (width > 0)
            {
                var last = await issued.Where(n => n.Kind == kind && n.Province == place && n.Year == date.Year)
                    .MaxAsync(n => n.Sequence, ct) ?? 0;
                var max = (int)Math.Pow(10, width) - 1;
                if (last >= max)
                    throw new DomainException($"{date.Year} 年{place}的{DisplayNames.Of(kind)}序号已用完（{max}）。");
                sequence = last + 1;
            }
            var digits = sequence?.ToString("D" + width, CultureInfo.InvariantCulture);
            var number = kind == GenerativeAiFilingKind.Registration ? $"{stem}S{digits}" : stem + digits;
            var key = number.ToUpperInvariant();
            if (sequence is null && await issued.AnyAsync(n => n.NumberKey == key, ct))
                throw new DomainException($"备案号 {number} 已经签发过，编号不重复使用：请修改模型名称拼音。");
            issued.Add(new IssuedGenerativeAiNumber
            {
                Number = number, NumberKey = key, Kind = kind, Province = place, Year = date.Year, Sequence = sequence,
                Name = name, IssuedAt = clock.GetUtcNow(),
            });
            try
            {
                await db.SaveChangesAsync(ct);
                return number;
            }
            catch (DbUpdateException e) when (DbConflicts.IsConflict(e) && attempt < MaxAttempts)
            {
                // Lost a race for the sequence (or the same 备案 number): read again; a taken 备案 number is refused above.
                await Task.Delay(Random.Shared.Next(1, 10 * attempt), ct);
            }
            catch (DbUpdateException e) when (DbConflicts.IsConflict(e))
            {
                throw new DomainException("生成式人工智能服务编号签发冲突，请稍后重试。");
            }
        }
    }

    /// <summary>The 属地 part: the province's pinyin from Data/regions.tsv, or the place the published numbers spell
    /// otherwise (国资委 → ZhongYangQiYe, from Data/registry-normalisations.tsv).</summary>
    public static string ProvincePinyin(string? province)
    {
        var place = SourceNormalisations.Normalise("province", province?.Trim()) ?? "";
        if (Regions.Resolve(place) is { } p) return p.Pinyin;
        return SourceNormalisations.All.FirstOrDefault(n => n.Field == "pinyin" && n.Value == place
                   && Regions.ProvinceByPinyin(n.Raw) is null)?.Raw
               ?? throw new DomainException($"属地“{province}”不是省级行政区（如 北京市、浙江省）或 国资委。");
    }
}
