namespace Suanbei.Core;

/// <summary>An aggregate that records domain events; the dispatcher takes them after a save and clears the list.</summary>
public interface IHasDomainEvents
{
    IReadOnlyList<IDomainEvent> DomainEvents { get; }
    void ClearDomainEvents();
}
