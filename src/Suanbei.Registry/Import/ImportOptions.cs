namespace Suanbei.Registry.Import;

/// <summary>What the caller knows about a file that its content may not say (e.g. the batch of a .docx attachment).</summary>
public sealed record ImportOptions
{
    public RegistryListKind? ListKind { get; init; }
    public string? Period { get; init; }
    public string? Batch { get; init; }
    public string? ListName { get; init; }
    /// <summary>Date for cancellation rows that carry none.</summary>
    public DateOnly? CancelledOn { get; init; }
    public string? Notice { get; init; }
    /// <summary>Largest file accepted, in bytes.</summary>
    public long MaxBytes { get; init; } = 64L * 1024 * 1024;
}
