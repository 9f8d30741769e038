namespace Suanbei.Web.Features.Operations.Backups;

/// <summary>A backup or restore that cannot go on; the message (Chinese) says why and what to do.</summary>
public sealed class BackupException(string message, Exception? inner = null) : Exception(message, inner);
