using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace WebhookConsole.Tests.Support;

/// <summary>
/// The built app as a separate OS process on a loopback port, so a test can SIGKILL it like a crash and
/// start it again on the same database.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;

    private AppProcess(Process process, string baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public bool HasExited => process.HasExited;

    public int ProcessId => process.Id;

    /// <param name="inProjectFolder">Run in the project's folder, as <c>dotnet run --project WebhookConsole</c> does, instead of the build's.</param>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> settings, TimeSpan readyTimeout, bool inProjectFolder = false)
    {
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet", [AppAssemblyPath()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = inProjectFolder ? Path.Combine(RepositoryRoot(), "WebhookConsole") : Path.GetDirectoryName(AppAssemblyPath())!,
        };
        start.Environment["ASPNETCORE_URLS"] = baseUrl;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        // Drained so a chatty child never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var app = new AppProcess(process, baseUrl);
        await app.WaitReadyAsync(readyTimeout);
        return app;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, exactly like a crash.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await Poll.UntilAsync(async () =>
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode} before it was ready.");
            }
            try
            {
                using var response = await http.GetAsync(BaseUrl + "/readyz");
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or not answering yet.
                return false;
            }
        }, timeout, "the app to answer /readyz with 200");
    }

    /// <summary>The app's own build output, next to this test project's (same configuration).</summary>
    private static string AppAssemblyPath()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var path = Path.Combine(RepositoryRoot(), "WebhookConsole", "bin", configuration, framework, "WebhookConsole.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the app first", path);
    }

    private static string RepositoryRoot()
    {
        for (var root = new DirectoryInfo(AppContext.BaseDirectory); root is not null; root = root.Parent)
        {
            if (File.Exists(Path.Combine(root.FullName, "WebhookConsole.sln")))
            {
                return root.FullName;
            }
        }
        throw new InvalidOperationException("WebhookConsole.sln not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
