using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Suanbei.GenAi;
using Suanbei.GenAi.Banks;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.GenAi;

/// <summary>Keeps an uploaded bank as the next version of its name (the kind's name when none is given), for the
/// banks page and the API alike.</summary>
public static class BankVersions
{
    public static async Task<BankCheck> AddAsync(SuanbeiDbContext db, string ownerId, string uploadedBy, BankKind kind,
        string? name, string fileName, string format, BankFile bank, DateTimeOffset now, CancellationToken ct)
    {
        var report = BankValidator.Validate(kind, bank);
        var bankName = string.IsNullOrWhiteSpace(name) ? AssessmentRules.Default.Bank(kind).Name : name.Trim();
        var code = kind.Code();
        var version = 1 + (await db.Set<BankCheck>()
            .Where(c => c.OwnerId == ownerId && c.Kind == code && c.BankName == bankName)
            .MaxAsync(c => (int?)c.Version, ct) ?? 0);
        var check = new BankCheck(ownerId, code, fileName, format, report.Items, report.Ok,
            JsonSerializer.Serialize(report, BanksModel.Json), now, bankName, version, uploadedBy,
            JsonSerializer.Serialize(bank.Items, BanksModel.Json));
        db.Add(check);
        await db.SaveChangesAsync(ct);
        return check;
    }
}
