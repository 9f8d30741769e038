using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Suanbei.Core.Assessment;

/// <summary>How the service uses a large model.</summary>
public enum LargeModelUse
{
    None,           // 不使用大模型
    OwnOrFineTuned, // 自研或微调的大模型
    FiledModelApi,  // 调用已备案大模型的API
}
