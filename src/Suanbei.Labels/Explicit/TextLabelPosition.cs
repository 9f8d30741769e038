namespace Suanbei.Labels.Explicit;

public enum TextLabelPosition { Prefix, Suffix, Both }
