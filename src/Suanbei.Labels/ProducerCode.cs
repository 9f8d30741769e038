using Suanbei.Core.Identifiers;

namespace Suanbei.Labels;

/// <summary>
/// The 27-character ContentProducer / ContentPropagator code of GB 45438-2025 (reference §5):
/// <c>00</c> + subject code (subject type <c>1</c> organisation + binding <c>1</c> credit code + 18-character
/// 统一社会信用代码) + 5-character service extension (<c>00000</c>, or service type <c>1</c>/<c>2</c> + 4 provider characters).
/// Example: <c>00 1 1 91440300708461136T 1XGW3</c>.
/// </summary>
public static class ProducerCode
{
    public const int Length = 27;
    public const string UnusedExtension = "00000";

    /// <summary>The parts of a well-formed code.</summary>
    public sealed record Parts(string CreditCode, string ServiceExtension)
    {
        /// <summary>'0' unused, '1' generation service, '2' propagation service.</summary>
        public char ServiceType => ServiceExtension[0];
    }

    /// <summary>Builds the code; throws <see cref="ArgumentException"/> with a Chinese message naming the bad part.</summary>
    public static string Build(string creditCode, string serviceExtension = UnusedExtension)
    {
        creditCode = (creditCode ?? "").Trim().ToUpperInvariant();
        serviceExtension = string.IsNullOrWhiteSpace(serviceExtension) ? UnusedExtension : serviceExtension.Trim().ToUpperInvariant();
        if (CreditCode.Validate(creditCode) is { } creditError) throw new ArgumentException(creditError, nameof(creditCode));
        if (ValidateExtension(serviceExtension) is { } extError) throw new ArgumentException(extError, nameof(serviceExtension));
        return "0011" + creditCode + serviceExtension;
    }

    public static bool IsValid(string? code) => Validate(code) is null;

    /// <summary>Null when well-formed with a valid embedded credit code; otherwise a Chinese message. Checks the code
    /// in place (no parts are made): the verify path calls it twice per label.</summary>
    public static string? Validate(string? code)
    {
        if (string.IsNullOrEmpty(code)) return "代码为空";
        if (code.Length != Length) return $"代码应为{Length}位，实际为{code.Length}位";
        if (!code.StartsWith("00", StringComparison.Ordinal)) return "代码第1–2位应为“00”";
        if (code[2] != '1') return $"主体类型（第3位）应为“1”（组织机构），实际为“{code[2]}”";
        if (code[3] != '1') return $"主体代码绑定方式（第4位）应为“1”（统一社会信用代码），实际为“{code[3]}”";
        if (CreditCode.Validate(code.AsSpan(CreditStart, CreditCodeLength)) is { } creditError) return "内嵌的" + creditError;
        return ValidateExtension(code.AsSpan(ExtensionStart));
    }

    private const int CreditStart = 4, CreditCodeLength = 18, ExtensionStart = CreditStart + CreditCodeLength;

    public static bool TryParse(string? code, out Parts? parts, out string? error)
    {
        parts = null;
        error = Validate(code);
        if (error is not null) return false;
        parts = new Parts(code!.Substring(CreditStart, CreditCodeLength), code[ExtensionStart..]);
        return true;
    }

    /// <summary>Null when the 5-character service extension is valid.</summary>
    public static string? ValidateExtension(string ext) => ValidateExtension(ext.AsSpan());

    private static string? ValidateExtension(ReadOnlySpan<char> ext)
    {
        if (ext.Length != 5) return $"服务扩展码应为5位，实际为{ext.Length}位";
        if (ext.SequenceEqual(UnusedExtension)) return null;
        if (ext[0] is not ('1' or '2')) return $"服务扩展码第1位（服务类型）应为“1”（生成）或“2”（传播），不使用时整体为“00000”，实际为“{ext[0]}”";
        for (var i = 1; i < 5; i++)
            if (!(char.IsAsciiDigit(ext[i]) || char.IsAsciiLetterUpper(ext[i])))
                return $"服务扩展码第{i + 1}位“{ext[i]}”应为数字或大写字母";
        return null;
    }
}
