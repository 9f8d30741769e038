using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Suanbei.Core.Subjects;

namespace Suanbei.Web.Tests.Support;

/// <summary>Common multi-step flows through the real pages and API (for this and other feature tests).</summary>
public static class Flows
{
    public static IEnumerable<(string Field, string FileName, byte[] Content)> AllSubjectMaterials() =>
    [
        ("Upload.BusinessLicenceScanId", "营业执照.pdf", TestData.Pdf("licence")),
        ("Upload.LegalRepIdScanId", "法人身份证.jpg", TestData.Jpeg()),
        ("Upload.OfficerIdScanId", "责任人身份证.png", TestData.Png()),
        ("Upload.OfficerEmploymentProofId", "工作证明.png", TestData.Png()),
        ("Upload.OfficerCommitmentId", "承诺书.pdf", TestData.Pdf("officer")),
        ("Upload.FilingCommitmentId", "算法备案承诺书.pdf", TestData.Pdf("filing")),
        ("Upload.ResponsibilityReportId", "落实算法安全主体责任基本情况.docx", TestData.Docx()),
    ];

    /// <summary>Fills the subject form with complete data and all materials and submits it through the page.</summary>
    public static async Task<HttpResponseMessage> SubmitCompleteSubjectAsync(HttpClient filer, SubjectDetails? details = null)
    {
        var response = await filer.PostMultipartAsync("/Subjects", TestData.Form(details ?? TestData.CompleteDetails()),
            AllSubjectMaterials(), url: "/Subjects?handler=Submit");
        return response;
    }

    /// <summary>A filer whose subject was submitted and approved by a reviewer (via the API).</summary>
    public static async Task<(Suanbei.Web.Data.AppUser User, HttpClient Client)> ApprovedFilerAsync(TestApp app)
    {
        var (user, filer) = await app.SignedInAsync(Suanbei.Web.Identity.Roles.Filer);
        var submitted = await SubmitCompleteSubjectAsync(filer);
        if (submitted.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException(
            await submitted.Content.ReadAsStringAsync());
        var reviewer = await app.ApiClientAsync(await app.CreateUserAsync(Suanbei.Web.Identity.Roles.Reviewer));
        var id = (await (await app.ApiClientAsync(user)).GetFromJsonAsync<JsonElement>("/api/v1/subject")).GetProperty("id").GetGuid();
        (await reviewer.PostAsync($"/api/v1/review/subjects/{id}/approve", null)).EnsureSuccessStatusCode();
        return (user, filer);
    }
}
