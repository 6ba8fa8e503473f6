using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace WebhookConsole.Tests.Support;

/// <summary>
/// The built app as a separate OS process on a loopback port, so a test can SIGKILL it like a crash and
/// start it again on the same database.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private AppProcess(Process process, string baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public bool HasExited => process.HasExited;

    public int ProcessId => process.Id;

    /// <summary>The lines written to standard output and error so far.</summary>
    public IReadOnlyList<string> Output => [.. output];

    /// <param name="inProjectFolder">Run in the project's folder, as <c>dotnet run --project WebhookConsole</c> does, instead of the build's.</param>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> settings, TimeSpan readyTimeout, bool inProjectFolder = false)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var process = Process.Start(StartInfo(settings, baseUrl, inProjectFolder)) ?? throw new InvalidOperationException("dotnet did not start");
        var app = new AppProcess(process, baseUrl);
        // Read as it comes, so a chatty child never blocks on a full pipe.
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { app.output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { app.output.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await app.WaitReadyAsync(readyTimeout);
        return app;
    }

    /// <summary>
    /// Starts the app on <paramref name="baseUrl"/> (a free loopback port when null) with settings it is expected to
    /// refuse, and waits for it to exit; answers its exit code and everything it wrote.
    /// </summary>
    public static async Task<AppExit> RunUntilExitAsync(IReadOnlyDictionary<string, string> settings, TimeSpan timeout, string? baseUrl = null)
    {
        using var process = Process.Start(StartInfo(settings, baseUrl ?? $"http://127.0.0.1:{FreePort()}", inProjectFolder: false))
            ?? throw new InvalidOperationException("dotnet did not start");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"The app was still running after {timeout.TotalSeconds:0} s:\n{string.Join("\n", output)}");
        }
        // WaitForExitAsync returns once the output streams are drained too.
        return new AppExit(process.ExitCode, [.. output]);
    }

    private static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> settings, string baseUrl, bool inProjectFolder)
    {
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
        return start;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, exactly like a crash.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    /// <summary>SIGTERM, as a service manager or container runtime stops the app: it shuts down gracefully.</summary>
    public async Task<AppExit> StopAsync(TimeSpan timeout)
    {
        if (Kill(process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"SIGTERM to {process.Id} failed with errno {Marshal.GetLastPInvokeError()}");
        }
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The app was still running {timeout.TotalSeconds:0} s after SIGTERM:\n{string.Join("\n", output)}");
        }
        return new AppExit(process.ExitCode, Output);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int processId, int signal);

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

    public static int FreePort()
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
