namespace Suanbei.Core.Organisations;

/// <summary>What an organisation is: a filing subject's workspace, or a consultancy (代理机构) acting for consenting clients.</summary>
public enum OrganisationKind
{
    Subject = 0,
    Consultancy = 1,
}
