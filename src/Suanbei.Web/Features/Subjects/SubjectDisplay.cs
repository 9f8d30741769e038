using Suanbei.Core.Identifiers;
using Suanbei.Core.Subjects;

namespace Suanbei.Web.Features.Subjects;

public static class SubjectDisplay
{
    public static string StatusClass(SubjectStatus s) => s switch
    {
        SubjectStatus.Approved => "ok",
        SubjectStatus.Returned => "bad",
        SubjectStatus.Submitted => "warn",
        _ => "",
    };
}
