namespace Suanbei.Registry;

public enum VerdictKind { Registered, Cancelled, NotFound, Malformed }
