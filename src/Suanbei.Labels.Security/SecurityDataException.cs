namespace Suanbei.Labels.Security;

/// <summary>A reserved field's security data cannot be read; the message (Chinese) names the member at fault.</summary>
public sealed class SecurityDataException(string message) : Exception(message);
