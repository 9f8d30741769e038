using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suanbei.Web.Data;

namespace Suanbei.Web.Identity;

/// <summary>
/// A bearer token for /api/v1, created on the account page. Only the SHA-256 of the token is stored; the token itself is
/// shown once. Format: "sb_" + 43 base64url characters (256 random bits).
/// </summary>
public sealed class ApiToken
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>Lower-case hex SHA-256 of the whole token string.</summary>
    public string TokenHash { get; set; } = "";
    /// <summary>The first characters of the token, to tell tokens apart in the list.</summary>
    public string Prefix { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public static string NewTokenString() =>
        "sb_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Creates and adds a token for the user; returns the plain token (show it once).</summary>
    public static async Task<(ApiToken Token, string Plain)> CreateAsync(
        SuanbeiDbContext db, string userId, string name, DateTimeOffset now)
    {
        var plain = NewTokenString();
        var token = new ApiToken
        {
            Id = Guid.NewGuid(), UserId = userId, Name = string.IsNullOrWhiteSpace(name) ? "API" : name.Trim(),
            TokenHash = Hash(plain), Prefix = plain[..9], CreatedAt = now,
        };
        db.Set<ApiToken>().Add(token);
        await db.SaveChangesAsync();
        return (token, plain);
    }
}
