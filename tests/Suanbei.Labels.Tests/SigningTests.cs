using System.Security.Cryptography;

namespace Suanbei.Labels.Tests;

/// <summary>ECDSA P-256 over the content with the label excluded, for every format case that defines its content bytes
/// (audio and video containers: Formats/AvSigningTests).</summary>
public class SigningTests
{
    public static IEnumerable<object[]> Signable() =>
        FormatCases.All.Where(c => !c.Value.AudioVideo && ContainerFormats.All.First(f => f.Name == c.Value.Format) is IContentDigest)
            .Select(c => new object[] { c.Key });

    [Theory]
    [MemberData(nameof(Signable))]
    public void Signature_verifies_survives_propagation_and_fails_after_tampering(string format)
    {
        var c = FormatCases.All[format];
        using var f = new Fixtures();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var input = c.Make(f);
        var ext = Path.GetExtension(input);
        var signedPath = f.Path("signed" + ext);
        var signed = Signing.SignFile(input, signedPath, Fixtures.Label(), key);

        Assert.Equal(Signing.SignatureLength, signed.ReservedCode1.Length);
        Assert.True(LabelValidator.IsValidValue(signed.ReservedCode1));
        var report = LabelFile.Verify(signedPath);
        Assert.Equal(Verdict.Compliant, report.Verdict);
        Assert.Equal(signed, report.Labels.Single().Label);
        Assert.True(Signing.Verify(Signing.ContentHash(signedPath), signed.ReservedCode1, key));
        Assert.False(Signing.Verify(Signing.ContentHash(signedPath), signed.ReservedCode1, other));

        // A platform adds its fields: the content (and so the producer's signature) is unchanged.
        Propagation.PropagateFile(signedPath, f.Path("propagated" + ext), Fixtures.Producer2, "p-1", false);
        Assert.True(Signing.Verify(Signing.ContentHash(f.Path("propagated" + ext)), signed.ReservedCode1, key));

        // The same label on other content does not verify.
        var otherInput = f.Path("other" + ext);
        File.Copy(input, otherInput);
        TamperPayload(otherInput, c.Format);
        LabelFile.Write(otherInput, f.Path("tampered" + ext), signed);
        Assert.False(Signing.Verify(Signing.ContentHash(f.Path("tampered" + ext)), signed.ReservedCode1, key));
    }

    /// <summary>Changes content bytes in a way the container still parses.</summary>
    internal static void TamperPayload(string path, string format)
    {
        switch (format)
        {
            case "text" or "markdown":
                File.AppendAllText(path, "改动\n");
                break;
            case "epub" or "ofd":
                // Info-ZIP adds an entry (the peer tool these fixtures are made with).
                var extra = Path.Combine(Path.GetDirectoryName(path)!, "extra.txt");
                File.WriteAllText(extra, "x");
                Suanbei.Testing.ExternalTool.RunChecked("zip", "-qj", path, extra);
                break;
            case "ooxml":
                using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Update))
                using (var w = new StreamWriter(zip.CreateEntry("extra.txt").Open())) w.Write("x");
                break;
            case "pdf":
                File.AppendAllText(path, "\n% tampered\n");
                break;
            default:
                // Flip a byte near the end of the file inside the image data (before the trailer structures).
                var bytes = File.ReadAllBytes(path);
                var at = format switch
                {
                    "png" => bytes.AsSpan().IndexOf("IDAT"u8) + 8,
                    "gif" => bytes.Length - 4,
                    "jpeg" =>
                    bytes.Length - 10,
                    _ => bytes.Length / 2
                };
                bytes[at] ^= 0x01;
                File.WriteAllBytes(path, bytes);
                break;
        }
    }
}
