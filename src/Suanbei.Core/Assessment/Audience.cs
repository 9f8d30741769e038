using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Suanbei.Core.Assessment;

/// <summary>Who can use the service.</summary>
public enum Audience
{
    Public,     // 面向不特定公众
    Businesses, // 仅向特定（签约）企业客户提供
    Internal,   // 仅企业内部使用
}
