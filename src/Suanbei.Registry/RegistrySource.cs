namespace Suanbei.Registry;

public enum RegistrySource { OfficialList, FiledHere }
