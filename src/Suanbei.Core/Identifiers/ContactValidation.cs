namespace Suanbei.Core.Identifiers;

/// <summary>Mobile numbers and e-mail addresses of contacts (the algorithm security officer, the filing contact).</summary>
public static class ContactValidation
{
    /// <summary>
    /// Mainland China mobile number: 11 digits starting 13–19. An optional +86/86 prefix and spaces or hyphens between
    /// digit groups are tolerated because people write them; anything else is an error.
    /// </summary>
    public static string? ValidateMobile(string? mobile)
    {
        if (string.IsNullOrWhiteSpace(mobile)) return "手机号码不能为空";
        var digits = mobile.Trim().Replace(" ", "").Replace("-", "");
        if (digits.StartsWith("+86", StringComparison.Ordinal)) digits = digits[3..];
        else if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal)) digits = digits[2..];
        foreach (var c in digits)
            if (!char.IsAsciiDigit(c)) return $"手机号码含有非数字字符“{c}”";
        if (digits.Length != 11) return $"手机号码应为11位数字，实际为{digits.Length}位";
        if (digits[0] != '1' || digits[1] < '3') return "手机号码应以13–19开头";
        return null;
    }

    /// <summary>E-mail address: one @, a local part of 1–64 allowed characters, a domain of dot-separated labels with a letter
    /// TLD.</summary>
    public static string? ValidateEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return "电子邮箱不能为空";
        var text = email.Trim();
        if (text.Length > 254) return "电子邮箱过长（不超过254个字符）";
        var at = text.IndexOf('@');
        if (at < 0 || at != text.LastIndexOf('@')) return "电子邮箱应含且只含一个“@”";
        var local = text[..at];
        var domain = text[(at + 1)..];
        if (local.Length is 0 or > 64) return "电子邮箱“@”前的用户名应为1–64个字符";
        foreach (var c in local)
            if (!(char.IsAsciiLetterOrDigit(c) || "!#$%&'*+/=?^_`{|}~.-".Contains(c)))
                return $"电子邮箱用户名含有不允许的字符“{c}”";
        if (local.StartsWith('.') || local.EndsWith('.') || local.Contains("..")) return "电子邮箱用户名中的“.”位置不正确";
        var labels = domain.Split('.');
        if (labels.Length < 2) return "电子邮箱域名不完整（如 example.com）";
        foreach (var label in labels)
        {
            if (label.Length is 0 or > 63) return "电子邮箱域名中有空的或过长的部分";
            if (label.StartsWith('-') || label.EndsWith('-') || !label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
                return $"电子邮箱域名部分“{label}”含有不允许的字符";
        }
        var tld = labels[^1];
        if (tld.Length < 2 || !tld.All(char.IsAsciiLetter)) return $"电子邮箱顶级域名“{tld}”不正确";
        return null;
    }
}
