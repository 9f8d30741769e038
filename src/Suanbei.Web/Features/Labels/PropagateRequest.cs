using System.Collections.Concurrent;
using Suanbei.Labels;
using Suanbei.Web.Features.Materials;

namespace Suanbei.Web.Features.Labels;

/// <summary>The fields of a propagation (page form or API).</summary>
public sealed record PropagateRequest(string Propagator, string PropagateId, bool Declared, string ReservedCode2);
