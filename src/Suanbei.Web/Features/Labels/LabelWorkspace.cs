using System.Collections.Concurrent;
using Suanbei.Labels;
using Suanbei.Web.Features.Materials;
using Suanbei.Web.Hosting;

namespace Suanbei.Web.Features.Labels;

/// <summary>
/// The use cases of 标识核验 shared by the page and the API. Uploads are copied to <see cref="SuanbeiHostOptions.LabelsWorkDirectory"/>
/// under server-generated names (only a short letters-and-digits extension of the user's name is kept, because text and
/// Markdown are recognised by it), processed with Suanbei.Labels and deleted — also when processing fails. Outputs are
/// deleted when their download stream is closed; outputs the page offers for later download expire after 30 minutes.
/// </summary>
public sealed class LabelWorkspace
{
    private readonly SuanbeiHostOptions options;
    private readonly TimeProvider clock;

    public LabelWorkspace(SuanbeiHostOptions options, TimeProvider clock)
    {
        this.options = options;
        this.clock = clock;
        RemoveLeftovers();
    }

    /// <summary>Files a previous process left behind (stopped mid-request, or outputs never downloaded): nothing in the
    /// work folder outlives a request by more than <see cref="PendingLifetime"/>, so older files are orphans.</summary>
    private void RemoveLeftovers()
    {
        if (!Directory.Exists(WorkDirectory)) return;
        var cutoff = clock.GetUtcNow().UtcDateTime - PendingLifetime - TimeSpan.FromHours(1);
        foreach (var file in Directory.EnumerateFiles(WorkDirectory))
            if (File.GetLastWriteTimeUtc(file) < cutoff) Delete(file);
    }

    public static readonly TimeSpan PendingLifetime = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, (string OwnerId, LabelledOutput Output, DateTimeOffset Created)> _pending = new();

    public long MaxBytes => options.LabelsMaxBytes;
    public string WorkDirectory => options.LabelsWorkDirectory;

    /// <summary>The body limit of the label endpoints: the files' limit plus room for the multipart envelope and fields.</summary>
    public static long RequestLimitFor(long maxBytes) => maxBytes + 1024 * 1024;
    public long RequestLimit => RequestLimitFor(MaxBytes);

    public string TooLargeMessage => $"上传内容超过大小上限 {MaxBytes / (1024 * 1024)} MB（每次请求全部文件合计），请减少文件或分批上传";

    /// <summary>Reads the multipart form within the limit; the Chinese reason when it is too large or unreadable.
    /// A declared Content-Length over the request limit is refused before a byte of the body is read.</summary>
    public async Task<(IFormCollection? Form, string? Error, bool TooLarge)> ReadFormAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType) return (null, "请以 multipart/form-data 表单上传文件", false);
        if (request.ContentLength > RequestLimit) return (null, TooLargeMessage, true);
        try
        {
            var form = await request.ReadFormAsync(ct);
            return form.Files.Sum(f => f.Length) > MaxBytes ? (null, TooLargeMessage, true) : (form, null, false);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException e) when (
            e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        { return (null, TooLargeMessage, true); }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return (
            null, TooLargeMessage, true);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or Microsoft.AspNetCore.Http.BadHttpRequestException)
        {
            return (null, "上传内容不完整或格式有误，请重新上传", false);
        }
    }

    /// <summary>Verifies each file; an unrecognised format is 无法判定 (the verifier's answer), never an exception.</summary>
    public async Task<List<VerifiedUpload>> VerifyAsync(IEnumerable<IFormFile> files, CancellationToken ct)
    {
        var results = new List<VerifiedUpload>();
        foreach (var file in files)
        {
            var path = await SaveAsync(file, ct);
            try { results.Add(new(MaterialStore.DisplayName(file.FileName), LabelFile.Verify(path))); }
            finally { Delete(path); }
        }
        return results;
    }

    /// <summary>Field errors of a write request (keys: producer, produceId, label), Chinese, naming the field.</summary>
    public static Dictionary<string, string> Validate(WriteRequest r)
    {
        var errors = new Dictionary<string, string>();
        if (ProducerCode.Validate(r.Producer) is { } p) errors["producer"] = "ContentProducer（生成服务提供者代码）不合规：" + p;
        if (IdError(r.ProduceId) is { } i) errors["produceId"] = "ProduceID（内容编号）" + i;
        if (!LabelValidator.LabelValues.Contains(r.Label)) errors["label"] = "Label（生成合成标签）只能是 1（属于）、2（可能为）或 3（疑似）";
        return errors;
    }

    /// <summary>Field errors of a propagate request (keys: propagator, propagateId).</summary>
    public static Dictionary<string, string> Validate(PropagateRequest r)
    {
        var errors = new Dictionary<string, string>();
        if (ProducerCode.Validate(r.Propagator) is { } p) errors["propagator"] = "ContentPropagator（传播服务提供者代码）不合规：" + p;
        if (IdError(r.PropagateId) is { } i) errors["propagateId"] = "PropagateID（传播内容编号）" + i;
        return errors;
    }

    private static string? IdError(string id) =>
        id.Length == 0 ? "不能为空"
        : id.Length > 256 ? "不能超过256个字符"
        : !LabelValidator.IsValidValue(id) ? "只能含除空格、双引号、反斜杠外的可打印ASCII字符" : null;

    /// <summary>Writes the label into a copy of the upload (same container). Throws <see cref="LabelWriteException"/>
    /// (Chinese message) when the file cannot carry it; the upload is deleted either way.</summary>
    public async Task<LabelledOutput> WriteAsync(IFormFile file, WriteRequest r, CancellationToken ct)
    {
        var input = await SaveAsync(file, ct);
        var output = NewPath(file.FileName);
        try
        {
            LabelFile.Write(input, output, AigcLabel.ForProducer(r.Producer, r.ProduceId, r.Label, r.ReservedCode1));
            return new(output, LabelledName(file.FileName), null);
        }
        catch { Delete(output); throw; }
        finally { Delete(input); }
    }

    /// <summary>Classifies per Art. 6 and writes the propagator's fields. The output is null when nothing may be written
    /// (nothing found and nothing declared, or 无法判定); the decision's reason says why.</summary>
    public async Task<(PropagationDecision Decision, LabelledOutput? Output)> PropagateAsync(
        IFormFile file, PropagateRequest r, CancellationToken ct)
    {
        var input = await SaveAsync(file, ct);
        var output = NewPath(file.FileName);
        try
        {
            var decision = Propagation.PropagateFile(input, output, r.Propagator, r.PropagateId, r.Declared, r.ReservedCode2);
            if (decision.Label is null) { Delete(output); return (decision, null); }
            return (decision, new(output, LabelledName(file.FileName), decision));
        }
        catch { Delete(output); throw; }
        finally { Delete(input); }
    }

    /// <summary>Opens an output for download and removes its name at once (the open stream still reads it on Unix;
    /// elsewhere DeleteOnClose removes it when the response is done), so nothing is left even if the client goes away.</summary>
    public static FileStream OpenOnce(LabelledOutput output)
    {
        var stream = new FileStream(output.Path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        if (!OperatingSystem.IsWindows()) Delete(output.Path);
        return stream;
    }

    /// <summary>Keeps an output for a later download by its owner (the page shows the classification first); returns the token.</summary>
    public string Keep(string ownerId, LabelledOutput output)
    {
        SweepExpired();
        var token = Guid.NewGuid().ToString("N");
        _pending[token] = (ownerId, output, clock.GetUtcNow());
        return token;
    }

    /// <summary>The kept output of <paramref name="ownerId"/> (removed from the list: one download), or null.</summary>
    public LabelledOutput? TakeKept(string token, string ownerId)
    {
        SweepExpired();
        if (!_pending.TryGetValue(token, out var entry) || entry.OwnerId != ownerId) return null;
        return _pending.TryRemove(token, out entry) ? entry.Output : null;
    }

    private void SweepExpired()
    {
        var now = clock.GetUtcNow();
        foreach (var (token, entry) in _pending)
            if (now - entry.Created > PendingLifetime && _pending.TryRemove(token, out _)) Delete(entry.Output.Path);
    }

    public const string LabelledSuffix = "-labeled";

    /// <summary>"照片.png" → "照片-labeled.png"; a file that already carries the suffix keeps one ("照片-labeled.png" stays
    /// "照片-labeled.png", not "照片-labeled-labeled.png"). Display name only, path parts dropped.</summary>
    public static string LabelledName(string userFileName)
    {
        var name = MaterialStore.DisplayName(userFileName);
        var ext = SafeExtension(userFileName);
        var stem = Path.GetFileNameWithoutExtension(name);
        while (stem.EndsWith(LabelledSuffix, StringComparison.OrdinalIgnoreCase) && stem.Length > LabelledSuffix.Length)
            stem = stem[..^LabelledSuffix.Length];
        return stem + LabelledSuffix + ext;
    }

    public static string SafeExtension(string userFileName)
    {
        var ext = Path.GetExtension(MaterialStore.DisplayName(userFileName));
        return ext.Length is > 1 and <= 11 && ext[1..].All(char.IsAsciiLetterOrDigit) ? ext.ToLowerInvariant() : "";
    }

    private string NewPath(string userFileName)
    {
        Directory.CreateDirectory(WorkDirectory);
        return Path.Combine(WorkDirectory, Guid.NewGuid().ToString("N") + SafeExtension(userFileName));
    }

    private async Task<string> SaveAsync(IFormFile file, CancellationToken ct)
    {
        var path = NewPath(file.FileName);
        try
        {
            await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await using var source = file.OpenReadStream();
            await source.CopyToAsync(target, ct);
        }
        catch { Delete(path); throw; }
        return path;
    }

    private static void Delete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
