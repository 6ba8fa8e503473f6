using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace WebhookConsole.Tests.Support;

/// <summary>
/// A private PostgreSQL cluster for the tests: at first use it is initialised in a temporary folder and started on
/// 127.0.0.1 and a free port; it is stopped and deleted when the test collection ends. Each test gets a fresh
/// database of its own on it. Without the server binaries it fails loudly: a PostgreSQL test never passes unrun.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private const string SuperUser = "postgres";
    private readonly SemaphoreSlim gate = new(1, 1);
    private string? binDirectory;
    private string? dataDirectory;
    private int port;
    private bool running;

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>A new, empty database, dropped when the returned object is disposed.</summary>
    public async Task<TestDatabase> CreateDatabaseAsync()
    {
        await EnsureStartedAsync();
        var name = "webhookconsole_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        var connectionString = ConnectionString(name);
        return new TestDatabase(TestDatabase.Postgres, connectionString, () => Drop(name, connectionString));
    }

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={port};Username={SuperUser};Database={database}";

    private void Drop(string name, string connectionString)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        // FORCE ends the sessions a test app left behind, so idle pools do not pile up over the run.
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }

    private async Task EnsureStartedAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (dataDirectory is not null)
            {
                return;
            }
            binDirectory = FindBinDirectory();
            var directory = TempDirectory.Create("postgres");
            if (RunsAsRoot)
            {
                // initdb refuses to run as root; the cluster belongs to the postgres user.
                await RunAsync("chown", ["postgres:postgres", directory]);
            }
            await RunServerToolAsync("initdb", ["-D", directory, "-U", SuperUser, "--auth=trust", "-E", "UTF8", "--no-sync"]);
            port = FreePort();
            dataDirectory = directory;
            await StartServerAsync();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Starts the server again after <see cref="StopServerAsync"/>, on the same port and data. Only for a cluster a test
    /// made for itself: other tests share the fixture's.
    /// </summary>
    public async Task StartServerAsync()
    {
        var serverOptions = string.Join(' ',
            "-c listen_addresses=127.0.0.1", $"-p {port}", $"-k {dataDirectory}",
            "-c max_connections=400", "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off");
        await RunServerToolAsync("pg_ctl", ["-D", dataDirectory!, "-l", Path.Combine(dataDirectory!, "server.log"), "-o", serverOptions, "-w", "-t", "60", "start"]);
        running = true;
    }

    /// <summary>Stops the server as an operator would (fast: sessions are ended), leaving its data for <see cref="StartServerAsync"/>.</summary>
    public async Task StopServerAsync()
    {
        await RunServerToolAsync("pg_ctl", ["-D", dataDirectory!, "-m", "fast", "-w", "stop"]);
        running = false;
    }

    public async Task DisposeAsync()
    {
        if (dataDirectory is null)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        if (running)
        {
            await RunServerToolAsync("pg_ctl", ["-D", dataDirectory, "-m", "immediate", "-w", "stop"]);
        }
        TempDirectory.TryDelete(dataDirectory);
        gate.Dispose();
    }

    private static bool RunsAsRoot => Environment.UserName == "root";

    private Task RunServerToolAsync(string tool, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(binDirectory!, tool);
        return RunsAsRoot
            ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments])
            : RunAsync(path, arguments);
    }

    private static async Task RunAsync(string fileName, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        }
    }

    /// <summary>The newest server install of the Debian layout, else initdb on the PATH.</summary>
    private static string FindBinDirectory()
    {
        var debian = new DirectoryInfo("/usr/lib/postgresql");
        var candidates = debian.Exists
            ? debian.GetDirectories().OrderByDescending(d => int.TryParse(d.Name, out var v) ? v : 0).Select(d => Path.Combine(d.FullName, "bin"))
            : [];
        candidates = candidates.Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator));
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new InvalidOperationException(
                "PostgreSQL server binaries (initdb, pg_ctl) were not found in /usr/lib/postgresql/<version>/bin or on the PATH. "
                + "The PostgreSQL tests need them: install the server (Debian: apt-get install postgresql; .ci/run does this).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
