using Suanbei.Core.Identifiers;
using Suanbei.Core.Subjects;

namespace Suanbei.Web.Features.Subjects;

public static class SubjectDisplay
{
    public static string KindName(SubjectKind kind) => kind switch
    {
        SubjectKind.Enterprise => "企业",
        SubjectKind.IndividualBusiness => "个体工商户",
        SubjectKind.FarmersCooperative => "农民专业合作社",
        SubjectKind.OtherBusiness => "其他市场主体",
        SubjectKind.NonBusiness => "非市场主体",
        _ => "—",
    };

    public static string StatusClass(SubjectStatus s) => s switch
    {
        SubjectStatus.Approved => "ok",
        SubjectStatus.Returned => "bad",
        SubjectStatus.Submitted => "warn",
        _ => "",
    };
}
