using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Core.Subjects;
using Suanbei.Web.Features.Subjects;

namespace Suanbei.Web.Features.Review.Subjects;

public sealed class IndexModel(SubjectService subjects) : PageModel
{
    public List<Subject> Subjects { get; private set; } = [];
    public async Task OnGetAsync() => Subjects = await subjects.ReviewListAsync();
}
