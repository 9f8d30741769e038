using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Materials;

namespace Suanbei.Web.Features.Filings.Documents;

/// <summary>The documents Suanbei writes for a filing, each filled from the filing's own data.</summary>
public enum FilingDocumentKind { Disclosure, SelfAssessment, Responsibility }
