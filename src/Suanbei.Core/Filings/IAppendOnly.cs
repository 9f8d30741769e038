namespace Suanbei.Core.Filings;

/// <summary>
/// A history row that is written once and never changed or deleted (audit entries, return reasons); the save path
/// refuses any other state for it.
/// </summary>
public interface IAppendOnly;
