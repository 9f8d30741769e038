using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Labels;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Labels;

/// <summary>
/// 标识核验: verify uploads (verdict per file, every label with its placement and seven fields, every problem), write a
/// label into a file, or propagate one (Art. 6 classification shown, file offered for download). Any signed-in user.
/// Antiforgery is checked in each handler after the size check, because the automatic check would read (and fail on)
/// an oversized body before a Chinese message could be shown; form fields are therefore read by hand, not bound.
/// </summary>
[Authorize, IgnoreAntiforgeryToken]
public sealed class IndexModel(LabelWorkspace workspace, IAntiforgery antiforgery) : PageModel
{
    public List<VerifiedUpload>? Verified { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];
    public long MaxMb => workspace.MaxBytes / (1024 * 1024);
    public long MaxBytes => workspace.MaxBytes;
    public string TooLargeMessage => workspace.TooLargeMessage;

    public WriteRequest Write { get; private set; } = new("", "", "1", "");
    public PropagateRequest Propagate { get; private set; } = new("", "", false, "");
    public PropagationDecision? Propagated { get; private set; }
    public string? DownloadUrl { get; private set; }
    public string? DownloadName { get; private set; }

    /// <summary>The ContentProducer builder: credit code, optional service extension, and which field the code is for.</summary>
    public sealed record ProducerBuilder(string CreditCode, string Extension, string Target);
    public ProducerBuilder Builder { get; private set; } = new("", "", "producer");
    /// <summary>The code the builder made (also filled into the chosen field below).</summary>
    public string? BuiltCode { get; private set; }

    public void OnGet() { }

    /// <summary>生成代码: 00 + 11 + 统一社会信用代码 + 5-character extension (reference §5), checked by <see cref="ProducerCode.Build"/>.
    /// A plain form post, so it works without script; the code lands in the write or propagate form.</summary>
    public async Task<IActionResult> OnPostProducerAsync()
    {
        if (!await antiforgery.IsRequestValidAsync(HttpContext)) return BadRequest();
        var form = await Request.ReadFormAsync(HttpContext.RequestAborted);
        Builder = new(Field(form, "Builder.CreditCode"), Field(form, "Builder.Extension"),
            Field(form, "Builder.Target", "producer") == "propagator" ? "propagator" : "producer");
        if (Builder.CreditCode.Length == 0) { Errors["Builder.CreditCode"] = "请填写统一社会信用代码（18位）"; return Page(); }
        try { BuiltCode = ProducerCode.Build(Builder.CreditCode, Builder.Extension); }
        catch (ArgumentException e)
        {
            Errors[e.ParamName == "serviceExtension" ? "Builder.Extension" : "Builder.CreditCode"] = e.Message.Split(" (Parameter")[0];
            return Page();
        }
        if (Builder.Target == "propagator") Propagate = Propagate with { Propagator = BuiltCode };
        else Write = Write with { Producer = BuiltCode };
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        var (form, stop) = await ReadAsync("Files", ct);
        if (form is null) return stop!;
        var files = form.Files.GetFiles("Files");
        if (files.Count == 0) { Errors["Files"] = "请选择至少一个文件"; return Page(); }
        Verified = await workspace.VerifyAsync(files, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostWriteAsync(CancellationToken ct)
    {
        var (form, stop) = await ReadAsync("Write.File", ct);
        if (form is null) return stop!;
        Write = new(Field(form, "Write.Producer"), Field(form, "Write.ProduceId"), Field(form, "Write.Label", "1"), "");
        foreach (var (k, v) in LabelWorkspace.Validate(Write)) Errors["Write." + Pascal(k)] = v;
        var file = form.Files.GetFile("Write.File");
        if (file is null) Errors["Write.File"] = "请选择要写入标识的文件";
        if (Errors.Count > 0) return Page();
        try
        {
            var output = await workspace.WriteAsync(file!, Write, ct);
            return File(LabelWorkspace.OpenOnce(output), "application/octet-stream", output.FileName);
        }
        catch (LabelWriteException e) { Errors["Write.File"] = e.Message; return Page(); }
    }

    public async Task<IActionResult> OnPostPropagateAsync(CancellationToken ct)
    {
        var (form, stop) = await ReadAsync("Propagate.File", ct);
        if (form is null) return stop!;
        Propagate = new(Field(form, "Propagate.Propagator"), Field(form, "Propagate.PropagateId"),
            form["Propagate.Declared"].Contains("true"), "");
        foreach (var (k, v) in LabelWorkspace.Validate(Propagate)) Errors["Propagate." + Pascal(k)] = v;
        var file = form.Files.GetFile("Propagate.File");
        if (file is null) Errors["Propagate.File"] = "请选择收到的文件";
        if (Errors.Count > 0) return Page();
        try
        {
            var (decision, output) = await workspace.PropagateAsync(file!, Propagate, ct);
            Propagated = decision;
            if (output is not null)
            {
                DownloadUrl = "/labels/download/" + workspace.Keep(User.UserId(), output);
                DownloadName = output.FileName;
            }
        }
        catch (LabelWriteException e) { Errors["Propagate.File"] = e.Message; }
        return Page();
    }

    /// <summary>The form within the size limit and with a valid antiforgery token; otherwise what to answer: the page with
    /// the Chinese error on <paramref name="fileField"/> (too large, unreadable), or 400 (missing or wrong token).</summary>
    private async Task<(IFormCollection? Form, IActionResult? Stop)> ReadAsync(string fileField, CancellationToken ct)
    {
        var (form, error, _) = await workspace.ReadFormAsync(Request, ct);
        if (form is null) { Errors[fileField] = error!; return (null, Page()); }
        if (!await antiforgery.IsRequestValidAsync(HttpContext)) return (null, BadRequest());
        return (form, null);
    }

    private static string Field(IFormCollection form, string name, string fallback = "") =>
        form.TryGetValue(name, out var v) && v.ToString().Trim() is { Length: > 0 } s ? s : fallback;

    private static string Pascal(string key) => char.ToUpperInvariant(key[0]) + key[1..];

    public string? Error(string field) => Errors.GetValueOrDefault(field);

    public static string VerdictClass(Verdict v) => v switch
    {
        Verdict.Compliant => "ok",
        Verdict.Noncompliant => "bad",
        _ => "warn",
    };
}
