namespace Suanbei.Web.Features.Admin;

/// <summary>One province (GB/T 2260 two-digit code) a reviewer is scoped to; set by administrators on /admin/users.</summary>
public sealed class ReviewerProvince
{
    private ReviewerProvince() { UserId = ""; ProvinceCode = ""; } // EF

    public ReviewerProvince(string userId, string provinceCode)
    {
        UserId = userId;
        ProvinceCode = provinceCode;
    }

    public string UserId { get; private set; }
    public string ProvinceCode { get; private set; }
}
