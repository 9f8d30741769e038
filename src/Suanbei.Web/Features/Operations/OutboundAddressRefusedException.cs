namespace Suanbei.Web.Features.Operations;

/// <summary>
/// A connection <see cref="OutboundAddressGuard"/> refused: every address the target resolved to is on this machine or
/// the internal network. The message is Chinese and may be shown in a delivery log.
/// </summary>
public sealed class OutboundAddressRefusedException(string message) : IOException(message);
