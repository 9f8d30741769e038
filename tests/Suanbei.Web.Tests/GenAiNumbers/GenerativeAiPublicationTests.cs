using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Suanbei.Core;
using Suanbei.Core.Filings.Events;
using Suanbei.Core.GenerativeAi;
using Suanbei.Core.GenerativeAi.Events;
using Suanbei.Core.Identifiers;
using Suanbei.Registry;
using Suanbei.Registry.Store;
using Suanbei.Testing;
using Suanbei.Web.Data;
using Suanbei.Web.Features.GenAiNumbers;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests.GenAiNumbers;

/// <summary>
/// An approved generative-AI service reaches the public registry through its domain event: searchable by its Chinese
/// name, in the /registry filters, in the export's generative-AI table, verifiable, and on the public pages in the list's
/// 备案 or 登记 table; changes add a 备注 and cancellation marks it.
/// </summary>
public abstract class GenerativeAiPublicationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private async Task<string> ApproveAsync(GenerativeAiFilingKind kind, string province, string name, string entity, DateOnly on)
    {
        var number = await app.App.Services.GetRequiredService<GenerativeAiNumberAllocator>()
            .IssueAsync(kind, province, Pinyin.Romanise(name), on, default);
        await Dispatch(new GenerativeAiFilingApproved(Guid.NewGuid(), kind, province, name, entity, number, on,
            [new PublicProduct(name + "App", "APP")]));
        return number;
    }

    private Task Dispatch(IDomainEvent e) => app.WithServices(async sp =>
    {
        await sp.GetRequiredService<DomainEventDispatcher>().DispatchAsync([e], default);
        return 0;
    });

    [Fact]
    public async Task Approved_registration_is_searchable_filterable_exported_verified_and_on_the_public_pages()
    {
        var on = new DateOnly(2026, 4, 28);
        var number = await ApproveAsync(GenerativeAiFilingKind.Registration, "北京市", "星河变影", "北京星河测试科技有限公司", on);
        Assert.Equal("Beijing-XingHeBianYing-20260428S0001", number);
        var anonymous = app.Client();

        // Search by the Chinese model name, with the province and source filters of /registry.
        var search = await anonymous.GetStringAsync("/api/v1/registry/entries?q=" + Uri.EscapeDataString("星河变影")
            + "&province=" + Uri.EscapeDataString("北京") + "&source=filed");
        var item = Assert.Single(JsonDocument.Parse(search).RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(number, item.GetProperty("number").GetString());
        var page = await anonymous.GetStringAsync("/registry?q=" + Uri.EscapeDataString("星河变影") + "&source=filed");
        Assert.Contains(number, page);
        var elsewhere = await anonymous.GetStringAsync("/api/v1/registry/entries?q=" + Uri.EscapeDataString("星河变影")
            + "&province=" + Uri.EscapeDataString("上海"));
        Assert.Equal(0, JsonDocument.Parse(elsewhere).RootElement.GetProperty("total").GetInt32());

        // The export puts it in the generative-AI table, in the list's columns.
        var csv = await anonymous.GetStringAsync("/registry/export?format=csv&q=" + Uri.EscapeDataString("星河变影"));
        Assert.Contains("序号,属地,模型名称,备案单位,备案号,备案时间,备案/登记", csv);
        Assert.Contains($"1,北京市,星河变影,北京星河测试科技有限公司,{number},2026/4/28,登记", csv);

        // Verify (what `number verify` asks the store) finds it, active.
        var verify = JsonDocument.Parse(await anonymous.GetStringAsync("/api/v1/registry/verify?number=" + number)).RootElement;
        Assert.True(verify.GetProperty("inRegistry").GetBoolean());
        Assert.Equal("GenerativeAiRegistration", verify.GetProperty("scheme").GetString());
        var entry = await app.WithServices(sp => sp.GetRequiredService<IRegistryStore>().GetAsync(number));
        Assert.NotNull(entry);
        Assert.True(entry.FiledHere);
        Assert.Equal(GenerativeAiKind.Registration, entry.GenerativeKind);
        Assert.Equal("北京市", entry.Province);
        Assert.Equal(RegistryStatus.Active, entry.Status);

        // Public pages: the 登记 table, and the service's own page.
        var list = await anonymous.GetStringAsync("/public/genai");
        Assert.Contains("data-testid=\"genai-registrations\"", list);
        Assert.Contains("上线编号", list);
        Assert.Contains(PublicServices.PathOf(number), list);
        var service = await anonymous.GetStringAsync(PublicServices.PathOf(number));
        Assert.Contains("北京星河测试科技有限公司", service);
        Assert.Contains("星河变影App", service);
        Assert.Contains("登记时间", service);
        Screenshots("public-genai", "/public/genai");
        Screenshots("public-genai-service", PublicServices.PathOf(number));
    }

    /// <summary>With SUANBEI_TEST_ARTIFACTS set, the page at desktop and phone width, for a person to look at.</summary>
    private void Screenshots(string name, string path)
    {
        if (Environment.GetEnvironmentVariable("SUANBEI_TEST_ARTIFACTS") is not { Length: > 0 } keep) return;
        Directory.CreateDirectory(keep);
        foreach (var (width, height) in new[] { (1280, 900), (390, 844) })
        {
            var profile = Directory.CreateTempSubdirectory("suanbei-chromium-").FullName;
            try
            {
                ExternalTool.Run("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
                    $"--window-size={width},{height}", $"--screenshot={Path.Combine(keep, $"{app.Provider}-{name}-{width}.png")}",
                    new Uri(app.BaseAddress, path).ToString()]);
            }
            finally { Directory.Delete(profile, recursive: true); }
        }
    }

    [Fact]
    public async Task A_change_adds_its_remark_and_a_cancellation_marks_the_entry_on_its_public_page()
    {
        var on = new DateOnly(2026, 8, 21);
        var number = await ApproveAsync(GenerativeAiFilingKind.Filing, "浙江省", "云栖测试问答", "杭州云栖测试有限公司", on);
        Assert.Matches(@"^Zhejiang-YunQiCeShiWenDa-20260821\d{4}$", number);
        var anonymous = app.Client();
        Assert.Contains("data-testid=\"genai-filings\"", await anonymous.GetStringAsync("/public/genai"));

        await Dispatch(new GenerativeAiFilingChanged(Guid.NewGuid(), Guid.NewGuid(), 2, GenerativeAiFilingKind.Filing, "浙江省",
            "云栖测试问答", "杭州云栖测试有限公司", number, new DateOnly(2026, 11, 2), "2026年11月，变更内容：新增服务形式",
            [new PublicProduct("云栖问答", "小程序")]));
        var changed = await anonymous.GetStringAsync(PublicServices.PathOf(number));
        Assert.Contains("2026年11月，变更内容：新增服务形式", changed);
        Assert.Contains("云栖问答", changed);

        await Dispatch(new GenerativeAiFilingCancelled(Guid.NewGuid(), Guid.NewGuid(), GenerativeAiFilingKind.Filing, number,
            new DateOnly(2026, 12, 1), "停止服务"));
        var cancelled = await anonymous.GetStringAsync(PublicServices.PathOf(number));
        Assert.Contains("已注销（2026-12-01）", cancelled);
        var verify = JsonDocument.Parse(await anonymous.GetStringAsync("/api/v1/registry/verify?number=" + number)).RootElement;
        Assert.Equal("cancelled", verify.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_algorithm_number_or_an_unknown_number_has_no_generative_ai_public_page()
    {
        var anonymous = app.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/public/genai/Beijing-NoSuch-20260101")).StatusCode);
    }
}

public sealed class GenerativeAiPublicationTestsSqlite(SqliteApp app) : GenerativeAiPublicationTests<SqliteApp>(app);
public sealed class GenerativeAiPublicationTestsPostgres(PostgresApp app) : GenerativeAiPublicationTests<PostgresApp>(app);
