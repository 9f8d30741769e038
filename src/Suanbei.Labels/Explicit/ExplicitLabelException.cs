using System.Diagnostics;

namespace Suanbei.Labels.Explicit;

/// <summary>An explicit label could not be applied (bad input, tool failure). Messages are Chinese for users.</summary>
public sealed class ExplicitLabelException(string message) : Exception(message);
