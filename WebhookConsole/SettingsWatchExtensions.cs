using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace WebhookConsole;

/// <summary>
/// The settings files of the content root are reloaded when they change, found by polling their timestamps (every
/// 4 s), instead of by the host's default watch. That watch is an inotify watch of the whole content root and every
/// folder below it, and the SQLite database lives below it by default (<c>data/</c>): every page the database
/// wrote raised an event there, and waking the watcher's thread made each write of the one SQLite writer slower.
/// </summary>
internal static class SettingsWatchExtensions
{
    /// <summary>The host's own switch: with it, the host reads its settings files without watching them.</summary>
    private const string HostReloadSwitch = "--hostBuilder:reloadConfigOnChange=false";

    /// <summary>The arguments for <c>WebApplication.CreateBuilder</c>: the host does not watch its settings files itself.</summary>
    public static string[] WithoutSettingsWatch(this string[] args) => [.. args, HostReloadSwitch];

    /// <summary>
    /// Makes the settings files the host read from its content root reload on change again, by polling. Call it
    /// right after a builder created with <see cref="WithoutSettingsWatch"/>, before anything watches the content root.
    /// </summary>
    public static WebApplicationBuilder PollSettingsFiles(this WebApplicationBuilder builder)
    {
        if (builder.Environment.ContentRootFileProvider is not PhysicalFileProvider contentRoot)
        {
            return builder;
        }
        // Only settable before the provider has started a watch: this fails loudly if the host already did.
        contentRoot.UsePollingFileWatcher = true;
        contentRoot.UseActivePolling = true;
        var sources = builder.Configuration.Sources;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is JsonConfigurationSource { ReloadOnChange: false } file && ReferenceEquals(file.FileProvider, contentRoot))
            {
                file.ReloadOnChange = true;
                // Setting a source rebuilds the configuration's providers, so the file is read again with a (polled) watch.
                sources[i] = file;
            }
        }
        return builder;
    }
}
