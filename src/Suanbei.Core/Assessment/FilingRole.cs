namespace Suanbei.Core.Assessment;

/// <summary>Filing role (填报角色).</summary>
public enum FilingRole { ServiceProvider, TechnicalSupporter }
