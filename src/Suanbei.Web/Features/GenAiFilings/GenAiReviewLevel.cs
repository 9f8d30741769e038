namespace Suanbei.Web.Features.GenAiFilings;

/// <summary>Which review queue a reviewer works: 属地初审 (the provincial office) or 国家复审 (the national review).</summary>
public enum GenAiReviewLevel { Provincial, National }
