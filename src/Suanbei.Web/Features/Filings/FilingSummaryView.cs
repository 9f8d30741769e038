using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Suanbei.Core.Filings;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Materials;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Filings;

/// <summary>The model of _FilingSummary: the filing and its linked products with their chosen functions.</summary>
public sealed record FilingSummaryView(AlgorithmFiling Filing, IReadOnlyList<LinkedProductView> Products);
