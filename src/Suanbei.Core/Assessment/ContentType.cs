using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Suanbei.Core.Assessment;

/// <summary>Kinds of generated or edited content, each with its own labeling duty (GB 45438-2025).</summary>
public enum ContentType { Text, Image, Audio, Video, VirtualScene }
