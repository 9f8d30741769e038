using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Suanbei.Registry;
using Suanbei.Registry.Published;
using Suanbei.Registry.Publishing;
using Suanbei.Registry.Store;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Registry.Store;
using Suanbei.Web.Hosting;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests.Registry;

/// <summary>A host started with <see cref="SuanbeiHostOptions.SeedPublishedLists"/> (as <c>suanbei serve</c> is) on an
/// empty database, with its start-up notices captured.</summary>
public abstract class SeededApp(Provider provider) : TestApp(provider)
{
    public List<string> Announced { get; } = [];
    protected override SuanbeiHostOptions Configure(SuanbeiHostOptions o) => o with { SeedPublishedLists = true, Announce = Announced.Add };
}
public sealed class SeededSqliteApp() : SeededApp(Provider.Sqlite);
public sealed class SeededPostgresApp() : SeededApp(Provider.Postgres);

/// <summary>A new installation starts with the CAC's published lists shipped in Suanbei.Web.</summary>
public abstract class RegistrySeedingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SeededApp
{
    [Fact]
    public async Task A_new_installation_answers_for_a_real_published_number()
    {
        Assert.Contains(app.Announced, a => a.Contains("公示清单库为空") && a.Contains("739"));
        var client = app.Client();

        var verify = JsonDocument.Parse(await client.GetStringAsync(
            "/api/v1/registry/verify?number=" + Uri.EscapeDataString("网信算备110108823483901230031号"))).RootElement;
        Assert.True(verify.GetProperty("inRegistry").GetBoolean(), verify.ToString());
        var search = JsonDocument.Parse(await client.GetStringAsync("/api/v1/registry/entries?q=" + Uri.EscapeDataString("豆包大模型算法")))
            .RootElement;
        Assert.Contains(search.GetProperty("items").EnumerateArray(), i => i.GetProperty("number")
            .GetString() == "网信算备110108823483901230031号");
        // The cancellations were applied after the lists they refer to.
        var cancelled = JsonDocument.Parse(await client.GetStringAsync(
            "/api/v1/registry/verify?number=" + Uri.EscapeDataString("网信算备360113475703901240013号"))).RootElement;
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        var page = await client.GetStringAsync("/registry?q=" + Uri.EscapeDataString("豆包"));
        Assert.Contains("网信算备110108823483901230031号", page);

        // Seeding is for an empty registry only: a second start (or a registry with anything in it) is left alone.
        Assert.Equal(0, await app.WithDb(db => PublishedLists.SeedIfEmptyAsync(new RegistryStore(db))));
        Assert.Equal(739, (await app.WithServices(sp => sp.GetRequiredService<RegistryStore>().StatisticsAsync())).Entries);
    }
}
public sealed class RegistrySeedingTestsSqlite(SeededSqliteApp app) : RegistrySeedingTests<SeededSqliteApp>(app);
public sealed class RegistrySeedingTestsPostgres(SeededPostgresApp app) : RegistrySeedingTests<SeededPostgresApp>(app);

/// <summary>A node loads the registry's search index while it starts, so its first searches do not wait for the load.</summary>
public abstract class RegistryIndexAtStartTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SeededApp
{
    [Fact]
    public async Task The_search_index_is_loaded_before_the_first_request()
    {
        // Nothing has asked this app anything yet (its own fixture); the index is read without asking the database.
        var (loaded, version) = await app.WithDb(async db =>
            (RegistrySearchIndex.For(db).Loaded, await RegistrySearchIndex.ReadVersionAsync(db, default)));
        Assert.NotNull(loaded);
        Assert.Equal(version, loaded.Version);
        Assert.True(loaded.Count >= 739, $"{loaded.Count} entries loaded");
    }
}
public sealed class RegistryIndexAtStartTestsSqlite(SeededSqliteApp app) : RegistryIndexAtStartTests<SeededSqliteApp>(app);
public sealed class RegistryIndexAtStartTestsPostgres(SeededPostgresApp app) : RegistryIndexAtStartTests<SeededPostgresApp>(app);

public sealed class RegistrySeedingSettingTests
{
    private static IConfiguration Config(string? value) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Suanbei:Registry:SeedPublishedLists"] = value }).Build();

    [Fact]
    public void Off_unless_asked_and_the_setting_decides_when_given()
    {
        Assert.False(new SuanbeiHostOptions().WithConfiguration(Config(null)).SeedPublishedLists);
        Assert.True(new SuanbeiHostOptions { SeedPublishedLists = true }.WithConfiguration(Config(null)).SeedPublishedLists);
        Assert.False(new SuanbeiHostOptions { SeedPublishedLists = true }.WithConfiguration(Config("false")).SeedPublishedLists);
        Assert.True(new SuanbeiHostOptions().WithConfiguration(Config("true")).SeedPublishedLists);
        var e = Assert.Throws<InvalidOperationException>(() => new SuanbeiHostOptions().WithConfiguration(Config("ja")));
        Assert.Contains("Suanbei:Registry:SeedPublishedLists", e.Message);
        Assert.Contains("ja", e.Message);
    }

    [Fact]
    public async Task The_test_host_starts_with_an_empty_registry()
    {
        var app = new SqliteApp();
        await app.InitializeAsync();
        try { Assert.Equal(0, (await app.WithServices(sp => sp.GetRequiredService<RegistryStore>().StatisticsAsync())).Entries); }
        finally { await app.DisposeAsync(); }
    }

    [Fact]
    public void Every_shipped_list_is_embedded_and_reads_without_a_file_error()
    {
        foreach (var name in PublishedLists.FileNames)
        {
            var r = PublishedLists.Read(name);
            Assert.True(r.FileRead, name + ": " + r.FileError);
            Assert.NotEmpty(r.Rows);
        }
    }
}
