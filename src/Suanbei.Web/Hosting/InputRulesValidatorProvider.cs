using System.Collections;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Suanbei.Web.Hosting;

/// <summary>Pages: a validator on every string and DateOnly model (form fields, list items, nested inputs).</summary>
public sealed class InputRulesValidatorProvider : IMetadataBasedModelValidatorProvider
{
    private static readonly Validator Instance = new();

    public bool HasValidators(Type modelType, IList<object> validatorMetadata) => Applies(modelType);

    public void CreateValidators(ModelValidatorProviderContext context)
    {
        if (Applies(context.ModelMetadata.ModelType))
            context.Results.Add(new ValidatorItem { Validator = Instance, IsReusable = true });
    }

    private static bool Applies(Type t) => (Nullable.GetUnderlyingType(t) ?? t) is var u && (u == typeof(string) || u == typeof(DateOnly));

    private sealed class Validator : IModelValidator
    {
        public IEnumerable<ModelValidationResult> Validate(ModelValidationContext context)
        {
            if (InputValidation.Problem(context.Model) is not { } problem) return [];
            var name = context.ModelMetadata.DisplayName ?? context.ModelMetadata.Name
                ?? context.ModelMetadata.ContainerMetadata?.Name ?? "输入"; // list items: the list's name
            return [new ModelValidationResult("", InputValidation.Message(name, problem, context.ModelMetadata.ContainerType))];
        }
    }
}
