using System.Text.Json;
using Suanbei.Core.Products;
using Suanbei.Core.Subjects;

namespace Suanbei.Core.Checks;

/// <summary>Where a finding's snapshot path points: whose form, which field of it (form key), and which item.</summary>
public enum CheckFieldOwner { Filing, Product, Subject }
