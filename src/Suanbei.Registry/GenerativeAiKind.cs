namespace Suanbei.Registry;

/// <summary>Generative-AI list rows are either filings (备案) or registrations (登记, a service on a filed model).</summary>
public enum GenerativeAiKind { Filing, Registration }
