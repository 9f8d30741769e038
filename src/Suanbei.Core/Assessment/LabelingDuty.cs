namespace Suanbei.Core.Assessment;

public sealed record LabelingDuty(ContentType ContentType, string ContentTypeName, string Explicit, string Implicit, string Article);
