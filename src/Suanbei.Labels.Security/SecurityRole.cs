namespace Suanbei.Labels.Security;

/// <summary>Who wrote a record: the producer (ReservedCode1) or the propagator (ReservedCode2).</summary>
public enum SecurityRole { Producer, Propagator }
