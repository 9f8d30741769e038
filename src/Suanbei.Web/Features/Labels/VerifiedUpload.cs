using System.Collections.Concurrent;
using Suanbei.Labels;
using Suanbei.Web.Features.Materials;

namespace Suanbei.Web.Features.Labels;

/// <summary>One verified upload: the name the user gave (display only) and the verification.</summary>
public sealed record VerifiedUpload(string FileName, VerificationReport Report);
