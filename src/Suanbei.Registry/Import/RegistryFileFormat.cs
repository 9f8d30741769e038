namespace Suanbei.Registry.Import;

public enum RegistryFileFormat { Unknown, Docx, Xlsx, Csv, Tsv, Json }
