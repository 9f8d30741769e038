using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Suanbei.Registry;
using Suanbei.Registry.Export;
using Suanbei.Registry.Import;
using Suanbei.Registry.Publishing;
using Suanbei.Registry.Store;
using Suanbei.Web.Features.Registry.Export;
using Suanbei.Web.Features.Registry.Store;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests.Registry;

/// <summary>/registry/export: anonymous exports are capped, signed-in ones are not (up to their own cap), and every client is
/// rate-limited.</summary>
public sealed class RegistryExportLimitTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task ImportAsync(int rows)
    {
        var sb = new StringBuilder("period\tbatch\tseq\tname\trole\tentity\tproducts\tpurpose\tnumber\tremark\n");
        for (var i = 0; i < rows; i++)
            sb.Append($"2024-02\t第五批\t{i + 1}\t测试合成算法{i}\t服务提供者\t测试科技有限公司{i % 50}\t测试(APP)\t应用于文本生成场景。" +
                $"\t网信算备110108{1000000 + i:D7}01240011号\t\n");
        var file = Path.Combine(app.DataDirectory, "limit-test.tsv");
        await File.WriteAllTextAsync(file, sb.ToString());
        var result = RegistryImporter.ImportFile(file);
        Assert.True(result.Rows.Count == rows, $"{result.Rows.Count} rows read; reported: {string.Join("; ", result.Reported.Take(3))}");
        await app.WithServices(sp => sp.GetRequiredService<RegistryStore>().ImportAsync(result));
    }

    [Fact]
    public async Task Anonymous_exports_are_capped_signed_in_ones_are_not_and_clients_are_rate_limited()
    {
        await ImportAsync(RegistryExportLimits.Anonymous + 1);
        var anonymous = app.Client();
        anonymous.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        var refused = await anonymous.GetAsync("/registry/export?format=csv");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("未登录时每次最多导出 2,000 条", page);
        Assert.Contains("2,001", page);

        var (_, signedIn) = await app.SignedInAsync(Roles.Filer);
        var csv = await signedIn.GetAsync("/registry/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(RegistryExportLimits.Anonymous + 2, lines.Length); // header + every row
        Assert.Empty(Directory.GetFiles(Path.Combine(app.DataDirectory, "tmp"))); // the streamed file is gone once sent

        // A small export is fine anonymously, up to the per-minute limit of the client (the refused one above counted).
        for (var i = 1; i < RegistryExportLimits.PerClientPerMinute; i++)
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/registry/export?format=csv&q=测试合成算法7")).StatusCode);
        var limited = await anonymous.GetAsync("/registry/export?format=csv&q=测试合成算法7");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter is not null);
        Assert.Contains("导出过于频繁", await limited.Content.ReadAsStringAsync());
        // Another client (a signed-in account) is not affected.
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/registry/export?format=csv&q=测试合成算法7")).StatusCode);
    }
}
