using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests;

/// <summary>How the app, as <c>Program</c> wires it, watches its settings files.</summary>
[Collection(AppCollection.Name)]
public sealed class ProgramSettingsTests
{
    [Fact]
    public async Task App_ReadsItsContentRootSettingsFiles_WithReloadOnChange()
    {
        await using var app = new AppFactory();

        var contentRoot = app.Services.GetRequiredService<IHostEnvironment>().ContentRootFileProvider;
        var configuration = (IConfigurationRoot)app.Services.GetRequiredService<IConfiguration>();
        var settingsFiles = configuration.Providers.OfType<JsonConfigurationProvider>()
            .Where(p => ReferenceEquals(p.Source.FileProvider, contentRoot)).ToList();

        Assert.NotEmpty(settingsFiles);
        Assert.All(settingsFiles, p => Assert.True(p.Source.ReloadOnChange, $"{p.Source.Path} is not reloaded on change"));
    }

    [Fact]
    public async Task App_WatchesNoFolder_SoItsDatabaseWritesRaiseNoFileEvents()
    {
        var directory = TempDirectory.Create("watch");
        try
        {
            await using var app = await AppProcess.StartAsync(
                new Dictionary<string, string> { ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(directory, "watch.db")}" },
                TimeSpan.FromSeconds(60));

            Assert.Equal(0, InotifyWatches(app.ProcessId));
        }
        finally
        {
            TempDirectory.TryDelete(directory);
        }
    }

    [Fact]
    public async Task App_ServesTheConsolesScriptsAndStyles_WhenRunFromItsBuildOutsideDevelopment()
    {
        var directory = TempDirectory.Create("assets");
        try
        {
            // As `dotnet run --project WebhookConsole` with ASPNETCORE_ENVIRONMENT=Production: the build's output, run in
            // the project's folder, not a published one.
            await using var app = await AppProcess.StartAsync(
                new Dictionary<string, string> { ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(directory, "assets.db")}" },
                TimeSpan.FromSeconds(60), inProjectFolder: true);
            using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };

            var login = await http.GetStringAsync("/Account/Login");
            var styles = System.Text.RegularExpressions.Regex.Matches(login, "href=\"([^\"]+\\.css)\"").Select(m => m.Groups[1].Value).ToList();

            Assert.Contains(styles, href => href.StartsWith("_content/MudBlazor/", StringComparison.Ordinal));
            foreach (var path in styles.Append("_framework/blazor.web.js"))
            {
                var response = await http.GetAsync("/" + path);
                Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}");
            }
        }
        finally
        {
            TempDirectory.TryDelete(directory);
        }
    }

    /// <summary>The inotify watches a Linux process holds (each folder a <c>FileSystemWatcher</c> covers is one).</summary>
    private static int InotifyWatches(int processId)
    {
        var watches = 0;
        foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{processId}/fd"))
        {
            if (new FileInfo(fd).LinkTarget == "anon_inode:inotify")
            {
                watches += File.ReadLines($"/proc/{processId}/fdinfo/{Path.GetFileName(fd)}").Count(line => line.StartsWith("inotify ", StringComparison.Ordinal));
            }
        }
        return watches;
    }
}
