using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Suanbei.Labels;

/// <summary>What a path names, found without opening it. Opening a named pipe for reading blocks until a writer
/// appears, and a device can stream forever, so only regular files may be opened; .NET's file APIs cannot tell these
/// apart from a regular file, hence Linux <c>statx(2)</c> (its struct has the same layout on every architecture).
/// Elsewhere everything that is not a directory counts as regular.</summary>
public enum FileKind { Missing, Regular, Directory, Other }
