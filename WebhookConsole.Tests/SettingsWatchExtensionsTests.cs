using Microsoft.AspNetCore.Builder;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests;

/// <summary>Settings files reload on change by polling, so nothing watches the content root (where the database lives).</summary>
public sealed class SettingsWatchExtensionsTests : IDisposable
{
    private readonly string contentRoot = TempDirectory.Create("settings");

    [Fact]
    public async Task PollSettingsFiles_ReloadsASettingsFileThatChanges()
    {
        File.WriteAllText(SettingsFile, """{ "Probe": "before" }""");
        var builder = CreateBuilder().PollSettingsFiles();
        Assert.Equal("before", builder.Configuration["Probe"]);

        File.WriteAllText(SettingsFile, """{ "Probe": "after" }""");
        File.SetLastWriteTimeUtc(SettingsFile, DateTime.UtcNow.AddSeconds(1));

        // The file's timestamp is polled every 4 s.
        await Poll.UntilAsync(() => builder.Configuration["Probe"] == "after", TimeSpan.FromSeconds(30), "the changed settings file to be reloaded");
        Assert.Equal("after", builder.Configuration["Probe"]);
    }

    [Fact]
    public void PollSettingsFiles_Fails_WhenTheHostAlreadyWatchesTheContentRoot()
    {
        File.WriteAllText(SettingsFile, """{ "Probe": "before" }""");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = contentRoot, Args = [] });

        Assert.Throws<InvalidOperationException>(() => builder.PollSettingsFiles());
    }

    public void Dispose() => TempDirectory.TryDelete(contentRoot);

    private string SettingsFile => Path.Combine(contentRoot, "appsettings.json");

    private WebApplicationBuilder CreateBuilder() =>
        WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = contentRoot, Args = Array.Empty<string>().WithoutSettingsWatch() });
}
