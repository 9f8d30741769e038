using System.Collections.Concurrent;
using Suanbei.Labels;
using Suanbei.Web.Features.Materials;

namespace Suanbei.Web.Features.Labels;

/// <summary>The fields of a write (page form or API); errors are keyed by field.</summary>
public sealed record WriteRequest(string Producer, string ProduceId, string Label, string ReservedCode1);
