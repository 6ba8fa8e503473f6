using Microsoft.Extensions.Options;

namespace WebhookConsole.Hosting;

internal static class SettingsExtensions
{
    /// <summary>
    /// Binds a configuration section to <typeparamref name="TOptions"/>, checked when the app starts: a value of the
    /// wrong type or out of its range stops the start with a message naming the setting, its value and what is allowed.
    /// </summary>
    public static OptionsBuilder<TOptions> AddSettings<TOptions>(this IServiceCollection services, string section)
        where TOptions : class
    {
        // Registered before the binding, so it runs first: the binder's own error names a .NET type, not what is allowed.
        services.AddSingleton<IConfigureOptions<TOptions>>(sp => new SettingValueCheck<TOptions>(section, sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<IValidateOptions<TOptions>>(new SettingsValidator<TOptions>(section));
        return services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
    }
}
