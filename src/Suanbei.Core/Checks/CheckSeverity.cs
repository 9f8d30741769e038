using System.Text.Json;

namespace Suanbei.Core.Checks;

/// <summary>Severity of a pre-submission finding; the Chinese names are the ones the data file and the UI use.</summary>
public enum CheckSeverity { Blocking = 0, Warning = 1, Hint = 2 }
