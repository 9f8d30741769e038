namespace Suanbei.Registry;

public enum RegistryStatus { Active = 0, Cancelled = 1 }
