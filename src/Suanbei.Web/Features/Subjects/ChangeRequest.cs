using System.Text.Json;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Subjects;

public sealed record ChangeRequest(DateOnly? EventDate);
