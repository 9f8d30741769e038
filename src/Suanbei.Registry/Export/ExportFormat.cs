namespace Suanbei.Registry.Export;

public enum ExportFormat { Xlsx, Docx, Csv }
