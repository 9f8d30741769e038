using System.Text;

namespace Suanbei.Labels.Formats.Mp3;

/// <summary>
/// Converts ID3v2.2 frames (3-character ids, e.g. old iTunes files) to ID3v2.3 so a label can be written: v2.2 has no
/// place for the flags and is read-only in most tools, and a tag must be one version throughout. Every frame's payload
/// is kept byte for byte; only <c>PIC</c> (image format "JPG" → MIME type "image/jpeg") and <c>LNK</c> (3- → 4-character
/// linked frame id) change layout, as ID3v2.3 §4.15/§4.21 require. A frame without a v2.3 counterpart (<c>CRM</c>
/// encrypted meta frames, experimental or unknown ids) makes the write fail with its id named — nothing is dropped.
/// Sources: ID3v2.2 (id3.org/id3v2-00) §4, ID3v2.3 (id3.org/id3v2.3.0) §4; iTunes ids as mutagen and TagLib map them.
/// </summary>
internal static class Id3v22Upgrade
{
    /// <summary>v2.2 id → v2.3 id with the same payload layout.</summary>
    public static readonly IReadOnlyDictionary<string, string> FrameIds = new Dictionary<string, string>
    {
        // ID3v2.2 §4 declared frames.
        ["BUF"] = "RBUF", ["CNT"] = "PCNT", ["COM"] = "COMM", ["CRA"] = "AENC", ["ETC"] = "ETCO", ["EQU"] = "EQUA",
        ["GEO"] = "GEOB", ["IPL"] = "IPLS", ["MCI"] = "MCDI", ["MLL"] = "MLLT", ["POP"] = "POPM", ["REV"] = "RVRB",
        ["RVA"] = "RVAD", ["SLT"] = "SYLT", ["STC"] = "SYTC", ["TAL"] = "TALB", ["TBP"] = "TBPM", ["TCM"] = "TCOM",
        ["TCO"] = "TCON", ["TCR"] = "TCOP", ["TDA"] = "TDAT", ["TDY"] = "TDLY", ["TEN"] = "TENC", ["TFT"] = "TFLT",
        ["TIM"] = "TIME", ["TKE"] = "TKEY", ["TLA"] = "TLAN", ["TLE"] = "TLEN", ["TMT"] = "TMED", ["TOA"] = "TOPE",
        ["TOF"] = "TOFN", ["TOL"] = "TOLY", ["TOR"] = "TORY", ["TOT"] = "TOAL", ["TP1"] = "TPE1", ["TP2"] = "TPE2",
        ["TP3"] = "TPE3", ["TP4"] = "TPE4", ["TPA"] = "TPOS", ["TPB"] = "TPUB", ["TRC"] = "TSRC", ["TRD"] = "TRDA",
        ["TRK"] = "TRCK", ["TSI"] = "TSIZ", ["TSS"] = "TSSE", ["TT1"] = "TIT1", ["TT2"] = "TIT2", ["TT3"] = "TIT3",
        ["TXT"] = "TEXT", ["TXX"] = "TXXX", ["TYE"] = "TYER", ["UFI"] = "UFID", ["ULT"] = "USLT", ["WAF"] = "WOAF",
        ["WAR"] = "WOAR", ["WAS"] = "WOAS", ["WCM"] = "WCOM", ["WCP"] = "WCOP", ["WPB"] = "WPUB", ["WXX"] = "WXXX",
        // iTunes extensions (sort orders, compilation, grouping, podcast), written by iTunes in both versions.
        ["TCP"] = "TCMP", ["TS2"] = "TSO2", ["TSA"] = "TSOA", ["TSC"] = "TSOC", ["TSP"] = "TSOP", ["TST"] = "TSOT",
        ["GP1"] = "GRP1", ["MVN"] = "MVNM", ["MVI"] = "MVIN", ["PCS"] = "PCST", ["TDS"] = "TDES", ["TID"] = "TGID",
        ["WFD"] = "WFED",
    };

    /// <summary>The frame as a v2.3 frame (header included, flags clear); throws <see cref="LabelWriteException"/> when
    /// it has no v2.3 counterpart.</summary>
    public static byte[] ToV23(Id3Frame frame)
    {
        var (id, data) = frame.Id switch
        {
            "PIC" => ("APIC", PicToApic(frame.Data)),
            "LNK" => ("LINK", LnkToLink(frame.Data)),
            _ when FrameIds.TryGetValue(frame.Id, out var v23) => (v23, frame.Data),
            _ => throw Unmapped(frame.Id),
        };
        return Id3Tag.BuildFrame(3, id, 0, 0, data);
    }

    private static LabelWriteException Unmapped(string id) =>
        new($"ID3v2.2 标签含帧 {id}，它在 ID3v2.3 中没有对应帧；写入标识需要把标签升级为 v2.3，为不丢失该帧，未写入");

    /// <summary>PIC: encoding, 3-character image format, picture type, description, data → APIC: encoding, Latin-1
    /// MIME type with terminator, picture type, description, data. "-->" (a URL in the data) is kept as is.</summary>
    private static byte[] PicToApic(byte[] pic)
    {
        if (pic.Length < 5) throw new LabelWriteException("ID3v2.2 PIC 帧过短（损坏），未写入");
        var format = Encoding.Latin1.GetString(pic, 1, 3);
        var mime = format.ToUpperInvariant() switch
        {
            "JPG" => "image/jpeg",
            "PNG" => "image/png",
            "GIF" => "image/gif",
            "BMP" => "image/bmp",
            "-->" => "-->",
            _ => "image/" + format.Trim().ToLowerInvariant(),
        };
        return [pic[0], .. Encoding.Latin1.GetBytes(mime), 0, .. pic.AsSpan(4)];
    }

    /// <summary>LNK: 3-character frame id, URL, extra ids → LINK: 4-character frame id, the rest unchanged.</summary>
    private static byte[] LnkToLink(byte[] lnk)
    {
        if (lnk.Length < 3) throw new LabelWriteException("ID3v2.2 LNK 帧过短（损坏），未写入");
        var target = Encoding.Latin1.GetString(lnk, 0, 3);
        var mapped = target == "PIC" ? "APIC" : target == "LNK" ? "LINK" : FrameIds.GetValueOrDefault(target)
            ?? throw Unmapped("LNK→" + target);
        return [.. Encoding.Latin1.GetBytes(mapped), .. lnk.AsSpan(3)];
    }
}
