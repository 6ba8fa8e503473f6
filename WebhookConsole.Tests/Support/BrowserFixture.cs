using Microsoft.Playwright;

namespace WebhookConsole.Tests.Support;

/// <summary>
/// One headless Chromium shared by the browser tests, launched when the first one asks: Debian's package at
/// /usr/bin/chromium (installed by the CI script), or the executable named by <c>CHROMIUM_PATH</c>.
/// A missing browser fails the tests that need it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private IPlaywright? playwright;
    private IBrowser? browser;

    public async Task<IBrowser> GetBrowserAsync()
    {
        await gate.WaitAsync();
        try
        {
            return browser ??= await LaunchAsync();
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<IBrowser> LaunchAsync()
    {
        var executable = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Chromium is not installed at {executable}: install the 'chromium' package (the CI script does) or set CHROMIUM_PATH.");
        }
        playwright = await Playwright.CreateAsync();
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            // No background traffic: the tests run on loopback only.
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }
        playwright?.Dispose();
        gate.Dispose();
    }
}
