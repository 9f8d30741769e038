namespace Suanbei.Core.Filings;

public sealed class FilingLabeling
{
    private FilingLabeling() { }
    internal FilingLabeling(LabelingInput input)
    {
        Id = Guid.NewGuid();
        Modality = input.Modality;
        ExplicitMethod = Clean(input.ExplicitMethod);
        ImplicitMethod = Clean(input.ImplicitMethod);
        ExampleMaterialId = input.ExampleMaterialId;
    }

    public Guid Id { get; private set; }
    public DataModality Modality { get; private set; }
    public string? ExplicitMethod { get; private set; }
    public string? ImplicitMethod { get; private set; }
    public Guid? ExampleMaterialId { get; private set; }

    internal static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    internal LabelingInput ToInput() => new(Modality, ExplicitMethod, ImplicitMethod, ExampleMaterialId);
}
