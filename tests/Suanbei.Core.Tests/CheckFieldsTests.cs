using Suanbei.Core;
using Suanbei.Core.Products;
using Suanbei.Core.Subjects;

namespace Suanbei.Core.Tests;

/// <summary>The optional fields the pre-submission check reads: ICP holder/expiry/scope of a product and the officer documents of a
/// subject.</summary>
public class CheckFieldsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static ProductDetails ProductWithIcp() => new()
    {
        Name = "测试写作", Form = ProductForm.App, IcpNumber = "京ICP备12345678号-1",
        IcpHolder = "  北京测试科技有限公司 ", IcpExpiresOn = new DateOnly(2028, 3, 31), IcpBusinessScope = "第二类增值电信业务中的信息服务业务",
    };

    [Fact]
    public void Product_keeps_the_icp_fields_through_create_and_update_and_clears_them_when_blank()
    {
        var p = new Product(Guid.NewGuid(), Guid.NewGuid(), "owner", ProductWithIcp(), T0);
        Assert.Equal("北京测试科技有限公司", p.IcpHolder);
        Assert.Equal(new DateOnly(2028, 3, 31), p.IcpExpiresOn);
        Assert.Equal("第二类增值电信业务中的信息服务业务", p.IcpBusinessScope);

        p.Update(ProductWithIcp() with { IcpHolder = "上海别家网络有限公司", IcpExpiresOn = new DateOnly(2029, 1, 1) }, T0.AddDays(1));
        Assert.Equal("上海别家网络有限公司", p.IcpHolder);
        Assert.Equal(new DateOnly(2029, 1, 1), p.IcpExpiresOn);
        Assert.Equal("第二类增值电信业务中的信息服务业务", p.IcpBusinessScope);

        p.Update(ProductWithIcp() with { IcpHolder = " ", IcpExpiresOn = null, IcpBusinessScope = null }, T0.AddDays(2));
        Assert.Null(p.IcpHolder);
        Assert.Null(p.IcpExpiresOn);
        Assert.Null(p.IcpBusinessScope);
    }

    [Fact]
    public void Product_icp_text_longer_than_the_limits_is_rejected_naming_the_field()
    {
        var errors = ProductValidation.Check(ProductWithIcp() with
        {
            IcpHolder = new string('长', ProductValidation.MaxText + 1),
            IcpBusinessScope = new string('长', ProductValidation.MaxLongText + 1),
        });
        Assert.Equal($"ICP主办单位不能超过{ProductValidation.MaxText}个字符", errors["IcpHolder"]);
        Assert.Equal($"ICP经营范围不能超过{ProductValidation.MaxLongText}个字符", errors["IcpBusinessScope"]);
        Assert.Empty(ProductValidation.Check(ProductWithIcp() with { IcpHolder = new string('长', ProductValidation.MaxText) }));
        var p = new Product(Guid.NewGuid(), Guid.NewGuid(), "owner", ProductWithIcp(), T0);
        var ex = Assert.Throws<DomainException>(() => p.Update(ProductWithIcp() with { IcpHolder = new string('长', 201) }, T0));
        Assert.Contains("ICP主办单位", ex.Message);
        Assert.Equal("北京测试科技有限公司", p.IcpHolder); // nothing changed
    }

    private static SubjectDetails WithDocuments() => new()
    {
        Name = "北京测试科技有限公司", OfficerName = "李四",
        CommitmentSignerName = " 李四 ", CommitmentSignerIdNumber = "11010519491231002x", EmploymentName = "李四",
        EmploymentEmployer = "北京测试科技有限公司", EmploymentPost = "算法安全负责人", EmploymentTenure = "2021年3月至今",
    };

    [Fact]
    public void Subject_keeps_the_officer_document_fields_through_update_and_details()
    {
        var s = new Subject(Guid.NewGuid(), "owner", T0);
        s.Update(WithDocuments(), T0);
        Assert.Equal("李四", s.CommitmentSignerName);
        Assert.Equal("11010519491231002X", s.CommitmentSignerIdNumber);
        Assert.Equal("李四", s.EmploymentName);
        Assert.Equal("北京测试科技有限公司", s.EmploymentEmployer);
        Assert.Equal("算法安全负责人", s.EmploymentPost);
        Assert.Equal("2021年3月至今", s.EmploymentTenure);

        // Details round-trips, so a page or API saving Details with one change keeps the rest.
        var d = s.Details;
        Assert.Equal("算法安全负责人", d.EmploymentPost);
        Assert.Equal("11010519491231002X", d.CommitmentSignerIdNumber);
        s.Update(d with { EmploymentPost = "行政前台" }, T0.AddDays(1));
        Assert.Equal("行政前台", s.EmploymentPost);
        Assert.Equal("2021年3月至今", s.EmploymentTenure);

        // Update sets every field from the details: omitted ones are cleared.
        s.Update(d with { EmploymentTenure = null, EmploymentEmployer = "  " }, T0.AddDays(2));
        Assert.Null(s.EmploymentTenure);
        Assert.Null(s.EmploymentEmployer);
        Assert.Equal("算法安全负责人", s.EmploymentPost);
    }

    [Fact]
    public void Officer_document_fields_are_optional_but_length_limited()
    {
        var missing = SubjectValidation.ForSubmission(new SubjectDetails());
        Assert.DoesNotContain(nameof(SubjectDetails.EmploymentPost), missing.Keys);
        Assert.DoesNotContain(nameof(SubjectDetails.CommitmentSignerName), missing.Keys);
        var tooLong = SubjectValidation.ForDraft(WithDocuments() with { EmploymentPost = new string('长', SubjectValidation.MaxText + 1) });
        Assert.Equal($"工作证明职务不能超过{SubjectValidation.MaxText}个字符", tooLong[nameof(SubjectDetails.EmploymentPost)]);
        Assert.Empty(SubjectValidation.ForDraft(WithDocuments()));
    }
}
