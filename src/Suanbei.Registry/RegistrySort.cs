namespace Suanbei.Registry;

public enum RegistrySort { Latest, Oldest, Number, Name, Entity }
