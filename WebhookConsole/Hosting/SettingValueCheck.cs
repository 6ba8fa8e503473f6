using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace WebhookConsole.Hosting;

/// <summary>
/// Checks that every value given for a section's settings converts to its setting's type, as the configuration
/// binder will convert it, before the binder runs; a value that does not is named with what the setting takes.
/// </summary>
internal sealed class SettingValueCheck<TOptions>(string section, IConfiguration configuration) : IConfigureOptions<TOptions>
    where TOptions : class
{
    public void Configure(TOptions options)
    {
        var failures = new List<string>();
        foreach (var property in typeof(TOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var key = $"{section}:{property.Name}";
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type.IsArray)
            {
                foreach (var item in configuration.GetSection(key).GetChildren())
                {
                    Check(item.Path, item.Value, type.GetElementType()!, failures);
                }
            }
            else
            {
                Check(key, configuration[key], type, failures);
            }
        }
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(TOptions), failures);
        }
    }

    private static void Check(string key, string? value, Type type, List<string> failures)
    {
        if (string.IsNullOrEmpty(value) || type == typeof(string))
        {
            return;
        }
        try
        {
            TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or NotSupportedException or OverflowException)
        {
            failures.Add($"{key} is '{value}'; allowed: {Allowed(type)}.");
        }
    }

    private static string Allowed(Type type) => type switch
    {
        _ when type.IsEnum => string.Join(", ", Enum.GetNames(type)),
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(int) => $"a whole number from {int.MinValue} to {int.MaxValue}",
        _ when type == typeof(long) => "a whole number",
        _ => $"a value of type {type.Name}",
    };
}
