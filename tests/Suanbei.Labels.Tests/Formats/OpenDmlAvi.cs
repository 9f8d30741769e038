using System.Buffers.Binary;
using System.Text;

namespace Suanbei.Labels.Tests.Formats;

/// <summary>
/// A small hand-built OpenDML AVI (ffmpeg only starts RIFF AVIX parts past 1 GB): RIFF AVI with hdrl (avih, strl with
/// strh/strf and an <c>indx</c> super index, odml/dmlh), a LIST/INFO, a JUNK chunk before movi like ffmpeg's, movi with
/// frames and an <c>ix00</c> standard index, idx1; then RIFF AVIX parts, each a movi with frames and its own ix00.
/// Uncompressed BGR frames (BI_RGB), each one different, so decoders read every frame from its absolute offset.
/// </summary>
public static class OpenDmlAvi
{
    public const int Width = 64, Height = 48, FrameBytes = Width * Height * 3;

    public static int TotalFrames(int parts, int framesPerPart) => parts * framesPerPart;

    public static byte[] Build(int parts = 2, int framesPerPart = 3, int junkBytes = 1016, string? infoAigc = null,
        string infoKey = AigcKey.Name)
    {
        var w = new Writer();
        var total = parts * framesPerPart;
        var superIndexEntries = new List<long>(); // where each indx entry's (offset, size, duration) goes
        var frame = 0;

        var riff = w.Begin("RIFF", "AVI ");
        var hdrl = w.Begin("LIST", "hdrl");
        var avih = w.Begin("avih");
        w.U32(100_000); w.U32(0); w.U32(0); w.U32(0x10); // µs per frame, max bytes/s, granularity, AVIF_HASINDEX
        w.U32((uint)framesPerPart); w.U32(0); w.U32(1); w.U32(FrameBytes + 8); // frames in the first RIFF, initial, streams
        w.U32(Width); w.U32(Height); w.U32(0); w.U32(0); w.U32(0); w.U32(0);
        w.End(avih);
        var strl = w.Begin("LIST", "strl");
        var strh = w.Begin("strh");
        w.Id("vids"); w.U32(0); w.U32(0); w.U32(0); w.U32(0); // handler, flags, priority+language, initial frames
        w.U32(1); w.U32(10); w.U32(0); w.U32((uint)total);    // scale, rate (10 fps), start, length
        w.U32(FrameBytes); w.U32(0xFFFFFFFF); w.U32(0);       // suggested buffer, quality, sample size
        w.U16(0); w.U16(0); w.U16(Width); w.U16(Height);
        w.End(strh);
        var strf = w.Begin("strf");
        w.U32(40); w.U32(Width); w.U32(Height); w.U16(1); w.U16(24); w.U32(0); w.U32(FrameBytes);
        w.U32(0); w.U32(0); w.U32(0); w.U32(0);
        w.End(strf);
        var indx = w.Begin("indx");
        w.U16(4); w.U8(0); w.U8(0); w.U32((uint)parts); w.Id("00dc"); w.U32(0); w.U32(0); w.U32(0); // AVI_INDEX_OF_INDEXES
        for (var p = 0; p < parts; p++) { superIndexEntries.Add(w.Position); w.U64(0); w.U32(0); w.U32(0); }
        w.End(indx);
        w.End(strl);
        var odml = w.Begin("LIST", "odml");
        var dmlh = w.Begin("dmlh");
        w.U32((uint)total);
        w.Zeros(244);
        w.End(dmlh);
        w.End(odml);
        w.End(hdrl);
        var info = w.Begin("LIST", "INFO");
        w.Chunk("ISFT", Encoding.ASCII.GetBytes("handmade OpenDML\0"));
        if (infoAigc is not null) w.Chunk(infoKey, Encoding.UTF8.GetBytes(infoAigc + "\0"));
        w.End(info);
        if (junkBytes > 0) w.Chunk("JUNK", new byte[junkBytes]);

        var firstFrames = new List<(long Header, int Size)>();
        long moviFourcc = 0;
        for (var p = 0; p < parts; p++)
        {
            var part = p == 0 ? riff : w.Begin("RIFF", "AVIX");
            var movi = w.Begin("LIST", "movi");
            if (p == 0) moviFourcc = movi + 4;
            var baseOffset = movi - 4; // the movi LIST header, as ffmpeg uses; entries are data offsets relative to it
            var frames = new List<long>();
            for (var i = 0; i < framesPerPart; i++, frame++)
            {
                frames.Add(w.Position + 8);
                if (p == 0) firstFrames.Add((w.Position, FrameBytes));
                w.Chunk("00dc", Pixels(frame));
            }
            var ix = w.Begin("ix00");
            w.U16(2); w.U8(0); w.U8(1); w.U32((uint)framesPerPart); w.Id("00dc"); w.U64((ulong)baseOffset); w.U32(0);
            foreach (var data in frames) { w.U32((uint)(data - baseOffset)); w.U32(FrameBytes); }
            w.End(ix);
            var ixEnd = w.Position;
            w.End(movi);
            w.PatchU64(superIndexEntries[p], (ulong)(ix - 4));
            w.PatchU32(superIndexEntries[p] + 8, (uint)(ixEnd - (ix - 4)));
            w.PatchU32(superIndexEntries[p] + 12, (uint)framesPerPart);
            if (p == 0)
            {
                var idx1 = w.Begin("idx1");
                foreach (var (header, size) in firstFrames)
                {
                    w.Id("00dc"); w.U32(0x10); w.U32((uint)(header - moviFourcc)); w.U32(
                    (uint)size);
                }
                w.End(idx1);
            }
            w.End(part);
        }
        return w.ToArray();
    }

    /// <summary>A distinct BGR picture per frame index.</summary>
    public static byte[] Pixels(int frame)
    {
        var b = new byte[FrameBytes];
        for (var i = 0; i < b.Length; i++) b[i] = (byte)(i / 3 % Width * 4 + frame * 37 + i % 3 * 80);
        return b;
    }

    private sealed class Writer
    {
        private readonly MemoryStream _ms = new();
        public long Position => _ms.Position;

        public void Id(string id) => _ms.Write(Encoding.ASCII.GetBytes(id));
        public void U8(byte v) => _ms.WriteByte(v);
        public void U16(ushort v) { Span<byte> b = stackalloc byte[2]; BinaryPrimitives.WriteUInt16LittleEndian(b, v); _ms.Write(b); }
        public void U32(uint v) { Span<byte> b = stackalloc byte[4]; BinaryPrimitives.WriteUInt32LittleEndian(b, v); _ms.Write(b); }
        public void U64(ulong v) { Span<byte> b = stackalloc byte[8]; BinaryPrimitives.WriteUInt64LittleEndian(b, v); _ms.Write(b); }
        public void Zeros(int n) => _ms.Write(new byte[n]);

        /// <summary>Writes a chunk header with a size to patch; returns the position of its size field.</summary>
        public long Begin(string id, string? listType = null)
        {
            Id(id);
            var sizeAt = _ms.Position;
            U32(0);
            if (listType is not null) Id(listType);
            return sizeAt;
        }

        public void End(long sizeAt)
        {
            var size = _ms.Position - sizeAt - 4;
            PatchU32(sizeAt, (uint)size);
            if ((size & 1) == 1) U8(0);
        }

        public void Chunk(string id, byte[] data) { var at = Begin(id); _ms.Write(data); End(at); }

        public void PatchU32(long at, uint v) { var p = _ms.Position; _ms.Position = at; U32(v); _ms.Position = p; }
        public void PatchU64(long at, ulong v) { var p = _ms.Position; _ms.Position = at; U64(v); _ms.Position = p; }

        public byte[] ToArray() => _ms.ToArray();
    }
}
