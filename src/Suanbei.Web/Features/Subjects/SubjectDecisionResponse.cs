using System.Text.Json;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Subjects;

public sealed record SubjectDecisionResponse(string Kind, string KindName, DateTimeOffset At, string? Reasons);
