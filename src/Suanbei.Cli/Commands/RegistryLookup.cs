using System.CommandLine;
using Suanbei.Registry;

namespace Suanbei.Cli.Commands;

/// <summary>
/// Registry status for <c>number check|decode</c>: looked up only when a registry exists (the SQLite file in --data, or --db),
/// so those commands never create a database as a side effect.
/// </summary>
internal static class RegistryLookup
{
    public static Option<string> Data() => CommonOptions.Data();
    public static Option<string?> Db() => CommonOptions.Db();

    public sealed record Status(bool InRegistry, string? State, string? CancelledOn, string? Name, string? Entity, string Url);

    public static Status? Find(ParseResult p, Option<string> data, Option<string?> db, string? number)
    {
        using var database = RegistryDatabase.OpenExisting(p.GetValue(data)!, p.GetValue(db));
        if (database is null) return null;
        var v = database.Store.VerifyAsync(number).GetAwaiter().GetResult();
        return new Status(v.InRegistry, v.Entry is null ? null : v.Entry.Status == RegistryStatus.Cancelled ? "cancelled" : "active",
            v.Entry?.CancelledOn?.ToString("yyyy-MM-dd"), v.Entry?.Name, v.Entry?.Entity,
            "/registry/entry/" + Uri.EscapeDataString(v.Normalised));
    }

    public static void WriteJson(System.Text.Json.Utf8JsonWriter w, Status? s)
    {
        if (s is null) return;
        w.WriteStartObject("registry");
        w.WriteBoolean("inRegistry", s.InRegistry);
        w.WriteStringOrNull("status", s.State);
        w.WriteStringOrNull("cancelledOn", s.CancelledOn);
        w.WriteStringOrNull("name", s.Name);
        w.WriteStringOrNull("entity", s.Entity);
        w.WriteString("url", s.Url);
        w.WriteEndObject();
    }

    public static string Describe(Status s) => !s.InRegistry ? "未在公示清单中找到"
        : s.State == "cancelled" ? $"已收录：{s.Name}（{s.Entity}），已注销（{s.CancelledOn}）" : $"已收录：{s.Name}（{s.Entity}），有效";
}
