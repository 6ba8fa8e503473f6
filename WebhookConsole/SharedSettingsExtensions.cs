namespace WebhookConsole;

internal static class SharedSettingsExtensions
{
    public const string FileName = "appsettings.json";

    /// <summary>
    /// Reads the repository's one <c>appsettings.json</c>, copied beside the binaries, whatever the working
    /// directory. It goes first, so environment variables and the command line still override it.
    /// </summary>
    public static IConfigurationBuilder AddSharedSettings(this ConfigurationManager configuration)
    {
        var path = Path.Combine(AppContext.BaseDirectory, FileName);
        if (File.Exists(path))
        {
            var source = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource { Path = path, Optional = false };
            source.ResolveFileProvider();
            configuration.Sources.Insert(0, source);
        }
        return configuration;
    }
}
