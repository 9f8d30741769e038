namespace Suanbei.Core;

/// <summary>
/// Something that happened to an aggregate, recorded by its guarded method and dispatched by the web app after the
/// change is committed (so a listener never sees a decision that was rolled back).
/// </summary>
public interface IDomainEvent;
