using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace WebhookConsole.Hosting;

/// <summary>
/// Validates a bound section by its data annotations and <see cref="IValidatableObject"/>, each fault said as the
/// setting's configuration key, its value and what is allowed (<c>Dispatcher:WorkerCount is 0; allowed: 1 to 200.</c>).
/// </summary>
internal sealed class SettingsValidator<TOptions>(string section) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var failures = new List<string>();
        foreach (var property in typeof(TOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = property.GetValue(options);
            var shown = property.IsDefined(typeof(SecretSettingAttribute))
                ? $"{section}:{property.Name} has {(value as string)?.Length ?? 0} characters"
                : $"{section}:{property.Name} is '{value}'";
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
            {
                if (!attribute.IsValid(value))
                {
                    failures.Add($"{shown}; allowed: {Allowed(attribute)}.");
                }
            }
        }
        if (failures.Count == 0 && options is IValidatableObject validatable)
        {
            failures.AddRange(validatable.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage ?? $"{section} is not valid."));
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Allowed(ValidationAttribute attribute) => attribute switch
    {
        RangeAttribute range => $"{range.Minimum} to {range.Maximum}",
        MaxLengthAttribute max => $"at most {max.Length} characters",
        MinLengthAttribute min => $"at least {min.Length} characters",
        StringLengthAttribute length => $"{length.MinimumLength} to {length.MaximumLength} characters",
        _ => attribute.FormatErrorMessage("the value"),
    };
}
