namespace Suanbei.Labels;

public static class PropagationClassNames
{
    public static string Name(this PropagationClass c) => c switch
    {
        PropagationClass.Belongs => "belongs",
        PropagationClass.Declared => "declared",
        _ => "suspected",
    };
}
