using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suanbei.Core;
using Suanbei.Core.GenerativeAi;
using Suanbei.Core.Identifiers;
using Suanbei.Web.Features.GenAiNumbers;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests.GenAiNumbers;

/// <summary>Generative-AI numbers: the published scheme, 登记 sequences per 属地 and year, uniqueness under concurrent
/// issuing, and no reuse.</summary>
public abstract class GenerativeAiNumberAllocatorTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private GenerativeAiNumberAllocator Allocator => app.App.Services.GetRequiredService<GenerativeAiNumberAllocator>();

    [Fact]
    public async Task Fifty_concurrent_registrations_in_one_province_get_fifty_distinct_gapless_numbers_that_decode()
    {
        var date = new DateOnly(2031, 4, 28);
        using var start = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, 50).Select(async i =>
        {
            await start.WaitAsync();
            return await Allocator.IssueAsync(GenerativeAiFilingKind.Registration, "北京市", $"BianYing{i}", date, default);
        }).ToList();
        start.Release(50);
        var numbers = await Task.WhenAll(tasks);

        Assert.Equal(50, numbers.Distinct().Count());
        var decoded = numbers.Select(GenerativeAiNumber.Decode).ToList();
        Assert.All(decoded, d => Assert.True(d.Valid, d.Number + "：" + string.Join("；", d.Problems)));
        Assert.All(decoded, d => Assert.Equal(GenerativeAiNumberKind.Registration, d.Kind));
        Assert.All(decoded, d => Assert.Equal("北京市", d.Place));
        Assert.Equal(Enumerable.Range(1, 50), decoded.Select(d => d.Sequence!.Value).Order());
        Assert.Equal(50, await app.WithDb(db => db.Set<IssuedGenerativeAiNumber>().CountAsync(n => n.Year == 2031)));
    }

    [Fact]
    public async Task Fifty_concurrent_filings_with_distinct_names_get_the_sequences_0001_to_0050()
    {
        var date = new DateOnly(2032, 8, 21);
        using var start = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, 50).Select(async i =>
        {
            await start.WaitAsync();
            return await Allocator.IssueAsync(GenerativeAiFilingKind.Filing, "浙江", Pinyin.Romanise("通义千问") + i, date, default);
        }).ToList();
        start.Release(50);
        var numbers = await Task.WhenAll(tasks);

        Assert.Equal(50, numbers.Distinct().Count());
        Assert.Contains(numbers, n => n.StartsWith("Zhejiang-TongYiQianWen7-20320821", StringComparison.Ordinal));
        var decoded = numbers.Select(GenerativeAiNumber.Decode).ToList();
        Assert.All(decoded, d =>
        {
            Assert.True(d.Valid, d.Number);
            Assert.Equal(GenerativeAiNumberKind.Filing, d.Kind);
            Assert.Equal(date, d.Date);
        });
        Assert.Equal(Enumerable.Range(1, 50), decoded.Select(d => d.Sequence!.Value).Order());
    }

    [Fact]
    public async Task Registration_sequences_run_on_across_dates_per_province_and_restart_in_a_new_year()
    {
        async Task<string> Issue(string province, DateOnly d) =>
            await Allocator.IssueAsync(GenerativeAiFilingKind.Registration, province, "JunHongLingXi", d, default);
        Assert.Equal("Hainan-JunHongLingXi-20330521S0001", await Issue("琼", new DateOnly(2033, 5, 21)));
        Assert.Equal("Hainan-JunHongLingXi-20330626S0002", await Issue("海南省", new DateOnly(2033, 6, 26)));
        Assert.Equal("Guangxi-JunHongLingXi-20330626S0001", await Issue("45", new DateOnly(2033, 6, 26)));
        Assert.Equal("Hainan-JunHongLingXi-20340102S0001", await Issue("Hainan", new DateOnly(2034, 1, 2)));
        Assert.Equal("ZhongYangQiYe-JunHongLingXi-20330521S0001", await Issue("国资委", new DateOnly(2033, 5, 21)));
    }

    [Fact]
    public async Task Filing_sequences_run_on_per_province_across_dates_apart_from_registrations_and_restart_in_a_new_year()
    {
        // As the published rows have them: Beijing-XingChen-202404280001 and Beijing-BianYing-20240428S0001 on one day,
        // Beijing-ZhiWei-202407050021 going on from 0020, each 属地 from 0001.
        async Task<string> Issue(GenerativeAiFilingKind kind, string province, DateOnly d) =>
            await Allocator.IssueAsync(kind, province, "XingChen", d, default);
        var (filing, registration) = (GenerativeAiFilingKind.Filing, GenerativeAiFilingKind.Registration);
        Assert.Equal("Beijing-XingChen-203704280001", await Issue(filing, "北京市", new DateOnly(2037, 4, 28)));
        Assert.Equal("Beijing-XingChen-20370428S0001", await Issue(registration, "北京市", new DateOnly(2037, 4, 28)));
        Assert.Equal("Beijing-XingChen-203707050002", await Issue(filing, "京", new DateOnly(2037, 7, 5)));
        Assert.Equal("Guangdong-XingChen-203707050001", await Issue(filing, "广东省", new DateOnly(2037, 7, 5)));
        Assert.Equal("Beijing-XingChen-203801020001", await Issue(filing, "北京市", new DateOnly(2038, 1, 2)));
    }

    [Fact]
    public async Task A_filing_number_without_sequence_once_issued_is_never_issued_again_in_any_letter_case()
    {
        // Before 2024-04-28 a 备案 number has no sequence, so the same parts would give the same number.
        var date = new DateOnly(2024, 1, 16);
        Assert.Equal("Shanghai-Abab-20240116", await Allocator.IssueAsync(GenerativeAiFilingKind.Filing, "上海市", "Abab", date, default));
        var again = await Assert.ThrowsAsync<DomainException>(() =>
            Allocator.IssueAsync(GenerativeAiFilingKind.Filing, "沪", "abab", date, default));
        Assert.Contains("Shanghai-abab-20240116 已经签发过", again.Message);
        Assert.Contains("模型名称拼音", again.Message);
        // A registration with the same parts is another number (…S0001) and is issued.
        Assert.Equal("Shanghai-Abab-20240116S0001",
            await Allocator.IssueAsync(GenerativeAiFilingKind.Registration, "上海市", "Abab", date, default));
    }

    [Theory]
    [InlineData("火星省", "WenXin", "属地“火星省”")]
    [InlineData("北京市", "", "模型名称拼音不能为空")]
    [InlineData("北京市", "文心一言", "模型名称“文心一言”只能由拉丁字母、数字和连字符组成")]
    [InlineData("北京市", "Wen Xin", "只能由拉丁字母、数字和连字符组成")]
    public async Task Bad_parts_are_refused_with_a_chinese_message_naming_the_part(string province, string name, string message)
    {
        var e = await Assert.ThrowsAsync<DomainException>(() =>
            Allocator.IssueAsync(GenerativeAiFilingKind.Filing, province, name, new DateOnly(2036, 3, 1), default));
        Assert.Contains(message, e.Message);
        Assert.Equal(0, await app.WithDb(db => db.Set<IssuedGenerativeAiNumber>().CountAsync(n => n.Year == 2036)));
    }
}

public sealed class GenerativeAiNumberAllocatorTestsSqlite(SqliteApp app) : GenerativeAiNumberAllocatorTests<SqliteApp>(app);
public sealed class GenerativeAiNumberAllocatorTestsPostgres(PostgresApp app) : GenerativeAiNumberAllocatorTests<PostgresApp>(app);
