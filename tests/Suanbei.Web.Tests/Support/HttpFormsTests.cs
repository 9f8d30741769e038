namespace Suanbei.Web.Tests.Support;

/// <summary>The form helper takes the token of the form it submits, never another form's.</summary>
public sealed class HttpFormsTests
{
    private const string Page = """
        <form method="post" action="/account/logout"><input name="__RequestVerificationToken" type="hidden" value="layout" /></form>
        <form method="post"><input name="Input.Name" /><button formaction="/subjects?handler=Save">保存</button></form>
        <form method="post" action="/subjects?handler=Submit&amp;x=1">
          <input name="__RequestVerificationToken" type="hidden" value="submit" /></form>
        <form method="get" action="/registry"><input name="q" /></form>
        """;

    [Fact]
    public void The_token_comes_from_the_form_that_posts_to_the_target()
    {
        Assert.Equal("layout", HttpForms.FormToken(Page, "/Subjects", "/Account/Logout"));
        Assert.Equal("submit", HttpForms.FormToken(Page, "/Subjects", "/Subjects?handler=Submit&x=1"));
    }

    [Fact]
    public void A_form_without_its_token_fails_even_when_another_form_has_one()
    {
        var e = Assert.Throws<InvalidOperationException>(() => HttpForms.FormToken(Page, "/Subjects", "/Subjects?handler=Save"));
        Assert.Contains("has no antiforgery token", e.Message);
        Assert.Throws<InvalidOperationException>(() => HttpForms.FormToken("<p>no form</p>", "/x", "/x"));
    }
}
