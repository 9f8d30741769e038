using System.Net;
using System.Text;
using Suanbei.Core;
using Suanbei.Core.Calendar;
using Suanbei.Core.Filings;
using Suanbei.Web.Features.Filings.Deadlines;
using Suanbei.Web.Tests.Support;
using static Suanbei.Web.Tests.Filings.FilingFixtures;

namespace Suanbei.Web.Tests.Filings.Deadlines;

public class DeadlineComputationTests
{
    private static readonly Actor Filer = new("u1", "甲公司", ActorRole.Filer);
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);

    private static AlgorithmFiling Draft(DateOnly launch)
    {
        var f = new AlgorithmFiling(Guid.NewGuid(), Filer, Now);
        f.UpdateBasic(Filer, new BasicAttributes { Name = "写作算法", LaunchDate = launch }, Now);
        return f;
    }

    [Fact]
    public void Start_of_service_counts_ten_working_days_over_the_national_day_holiday()
    {
        // 2026-10-01…07 off, Saturday 10-10 is a working day: 10-08, 09, 10, 12, 13, 14, 15, 16, 19, 20.
        var clock = Assert.Single(AccountDeadlines.Compute(
            null, [Draft(new DateOnly(2026, 10, 1))], [], new DateOnly(2026, 11, 22), WorkingCalendar.Official));
        Assert.Equal(DeadlineKind.StartOfService, clock.Kind);
        Assert.Equal(new DateOnly(2026, 10, 20), clock.DueDate);
        Assert.True(clock.Overdue);
        Assert.False(clock.Estimated);
        var notYet = Assert.Single(AccountDeadlines.Compute(
            null, [Draft(new DateOnly(2026, 10, 1))], [], new DateOnly(2026, 10, 20), WorkingCalendar.Official));
        Assert.False(notYet.Overdue);
    }

    [Fact]
    public void Due_date_past_the_official_calendar_is_flagged_as_estimated()
    {
        // 12-25, 28, 29, 30, 31 (5), then 2027 has no official calendar: estimated, 元旦 01-01 skipped: 04, 05, 06, 07, 08.
        var clock = Assert.Single(AccountDeadlines.Compute(
            null, [Draft(new DateOnly(2026, 12, 24))], [], new DateOnly(2026, 11, 22), WorkingCalendar.Official));
        Assert.Equal(new DateOnly(2027, 1, 8), clock.DueDate);
        Assert.True(clock.Estimated);
        Assert.False(clock.Overdue);
        var ics = IcsFeed.Write("t", [clock], Now, "http://x");
        Assert.Contains("（估算）", Unfold(ics));
    }

    [Fact]
    public void Previews_deadlines_and_the_feed_compute_the_same_due_date_and_never_land_on_a_holiday()
    {
        var calendar = WorkingCalendar.Official;
        for (var launch = new DateOnly(2026, 11, 20); launch < new DateOnly(2027, 3, 1); launch = launch.AddDays(1))
        {
            var clock = Assert.Single(AccountDeadlines.Compute(null, [Draft(launch)], [], new DateOnly(2026, 11, 22), calendar));
            var preview = Deadline.Compute(DeadlineKind.StartOfService, launch, calendar); // what the filing page shows
            Assert.Equal(preview.DueOn, clock.DueDate);
            Assert.Equal(preview.Estimated, clock.Estimated);
            Assert.True(calendar.IsWorkingDayOrEstimate(clock.DueDate), $"{launch} → {clock.DueDate}");
            Assert.Null(StatutoryHolidays.Current.HolidayName(clock.DueDate));
        }
        // The 元旦 case of the report: a change on Friday 2026-12-18 was shown due on 2027-01-01 (元旦); it is 2027-01-04.
        var change = Deadline.Compute(DeadlineKind.Change, new DateOnly(2026, 12, 18), calendar);
        Assert.Equal(new DateOnly(2027, 1, 4), change.DueOn);
        Assert.True(change.Estimated);
        Assert.Contains("估算", change.Display);
    }

    [Fact]
    public void Folding_keeps_every_line_within_75_octets_without_splitting_characters()
    {
        var value = "DESCRIPTION:" + string.Concat(Enumerable.Repeat("上线服务之日起十个工作日内备案，", 12)) + "abc";
        var folded = IcsFeed.Fold(value);
        var lines = folded.Split("\r\n");
        Assert.True(lines.Length > 5);
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"{Encoding.UTF8.GetByteCount(l)} octets: {l}"));
        Assert.All(lines.Skip(1), l => Assert.StartsWith(" ", l));
        Assert.DoesNotContain('\uFFFD', folded);
        Assert.Equal(value, folded.Replace("\r\n ", ""));
        Assert.Equal("a\\;b\\,c\\\\d\\ne", IcsFeed.Escape("a;b,c\\d\ne"));
    }

    internal static string Unfold(string ics) => ics.Replace("\r\n ", "").Replace("\r\n\t", "");
}

public sealed class DeadlineFeedTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>Parses a feed strictly enough to catch RFC 5545 mistakes: CRLF only, folded lines ≤ 75 octets, balanced
    /// components.</summary>
    private static List<Dictionary<string, string>> Events(string ics)
    {
        Assert.DoesNotContain("\n", ics.Replace("\r\n", ""));
        Assert.EndsWith("\r\n", ics);
        foreach (var physical in ics.Split("\r\n")) Assert.True(Encoding.UTF8.GetByteCount(physical) <= 75, physical);
        var lines = DeadlineComputationTests.Unfold(ics).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains(lines, l => l.StartsWith("PRODID:"));
        var events = new List<Dictionary<string, string>>();
        Dictionary<string, string>? current = null;
        foreach (var l in lines)
        {
            if (l == "BEGIN:VEVENT") { Assert.Null(current); current = new(); continue; }
            if (l == "END:VEVENT") { events.Add(current!); current = null; continue; }
            if (current is null) continue;
            var colon = l.IndexOf(':');
            current[l[..colon]] = l[(colon + 1)..];
        }
        Assert.Null(current);
        foreach (var e in events)
        {
            Assert.True(e.ContainsKey("UID") && e.ContainsKey("DTSTAMP") && e.ContainsKey("DTSTART;VALUE=DATE"), string.Join(",", e.Keys));
            Assert.Matches("^\\d{8}T\\d{6}Z$", e["DTSTAMP"]);
            Assert.Matches("^\\d{8}$", e["DTSTART;VALUE=DATE"]);
        }
        return events;
    }

    [Fact]
    public async Task Feed_lists_the_running_clocks_with_their_due_dates_and_tokens_can_be_revoked()
    {
        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        var id = await CompleteFilingViaApiAsync(api, filer, "期限测试算法"); // launch date 2026-10-01, never submitted

        var url = (await Ok(await api.PostAsync("/api/v1/deadlines/calendar-token", null))).GetProperty("url").GetString()!;
        var anonymous = app.Client();
        var r = await anonymous.GetAsync(new Uri(url).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("text/calendar", r.Content.Headers.ContentType?.MediaType);
        var start = Assert.Single(Events(await r.Content.ReadAsStringAsync()));
        Assert.Equal($"start-{id}@suanbei", start["UID"]);
        Assert.Equal("20261020", start["DTSTART;VALUE=DATE"]);
        Assert.Equal("20261021", start["DTEND;VALUE=DATE"]);
        Assert.Contains("期限测试算法", start["SUMMARY"]);

        // Submitting stops the filer's clock and starts the regulator's 30 working days.
        await Ok(await api.PostAsync($"/api/v1/filings/{id}/submit", null));
        var clocks = await Ok(await api.GetAsync("/api/v1/deadlines"));
        var decision = Assert.Single(clocks.EnumerateArray());
        Assert.Equal("RegulatorDecision", decision.GetProperty("kind").GetString());
        var started = DateOnly.Parse(decision.GetProperty("eventDate").GetString()!);
        var expected = WorkingCalendar.Official.AddWorkingDaysOrEstimate(started, 30);
        Assert.Equal(expected.Date, DateOnly.Parse(decision.GetProperty("dueDate").GetString()!));
        Assert.Equal(expected.Estimated, decision.GetProperty("estimated").GetBoolean());
        var feed = Events(await (await anonymous.GetAsync(new Uri(url).PathAndQuery)).Content.ReadAsStringAsync());
        Assert.Equal(expected.Date.ToString("yyyyMMdd"), Assert.Single(feed)["DTSTART;VALUE=DATE"]);

        // Another account's feed is separate; unknown and revoked tokens get 404.
        var other = await ApprovedFilerAsync(app, "440305", "乙公司");
        var otherUrl = (await Ok(await (await app.ApiClientAsync(other.User)).PostAsync("/api/v1/deadlines/calendar-token", null)))
            .GetProperty("url").GetString()!;
        Assert.Empty(Events(await (await anonymous.GetAsync(new Uri(otherUrl).PathAndQuery)).Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics"))
            .StatusCode);
        await Ok(await api.PostAsync("/api/v1/deadlines/calendar-token", null));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(url).PathAndQuery)).StatusCode);
    }
}
