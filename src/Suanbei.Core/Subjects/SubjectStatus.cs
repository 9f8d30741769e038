namespace Suanbei.Core.Subjects;

/// <summary>Status of a subject filing (主体备案). 草稿 → 待审核 → 已通过 / 退回补正; a returned or approved subject goes back to 草稿 when edited.</summary>
public enum SubjectStatus
{
    Draft = 0,      // 草稿
    Submitted = 1,  // 待审核
    Approved = 2,   // 已通过
    Returned = 3,   // 退回补正
}
