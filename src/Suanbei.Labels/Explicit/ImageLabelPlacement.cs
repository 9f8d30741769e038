namespace Suanbei.Labels.Explicit;

public enum ImageLabelPlacement { Bottom, Top, BottomRight, BottomLeft, TopRight, TopLeft }
