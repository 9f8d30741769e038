namespace Suanbei.Registry;

public sealed class RegistryQueryException(string message) : Exception(message);
