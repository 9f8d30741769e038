using System.Text.Json;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Subjects;

public sealed record ReturnRequest(string? Reasons);
