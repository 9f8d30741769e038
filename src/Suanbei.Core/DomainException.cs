namespace Suanbei.Core;

/// <summary>
/// An operation the rules of the regime do not allow (an illegal status transition, editing a submitted filing, …).
/// The message is Chinese and meant for the user; the web layer shows it as a form error or a 409 problem detail.
/// </summary>
public sealed class DomainException(string message) : Exception(message);
