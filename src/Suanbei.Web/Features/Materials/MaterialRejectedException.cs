using System.IO.Compression;
using System.Security.Cryptography;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.Materials;

/// <summary>Why an upload was refused; <see cref="Message"/> is Chinese and names the file.</summary>
public sealed class MaterialRejectedException(string message) : Exception(message);
