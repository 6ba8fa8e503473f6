using Microsoft.Playwright;

namespace WebhookConsole.Tests.Support;

/// <summary>
/// A browser tab on a served app: signs in through the real form, waits for the circuit before interacting,
/// and saves screenshots of pages.
/// </summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly IBrowserContext context;

    private ConsoleBrowser(IBrowserContext context, IPage page, ServedApp app)
    {
        this.context = context;
        Page = page;
        App = app;
    }

    public IPage Page { get; }

    public ServedApp App { get; }

    public static async Task<ConsoleBrowser> OpenAsync(BrowserFixture browsers, ServedApp app)
    {
        var browser = await browsers.GetBrowserAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        context.SetDefaultTimeout((float)Patience.TotalMilliseconds);
        var page = await context.NewPageAsync();
        return new ConsoleBrowser(context, page, app);
    }

    /// <summary>Signs in with the given admin and waits for the console to become interactive.</summary>
    public async Task SignInAsync(string email = ConsoleSignIn.AdminEmail, string password = ConsoleSignIn.AdminPassword)
    {
        await Page.GotoAsync("/Account/Login");
        await Page.FillAsync("#email", email);
        await Page.FillAsync("#password", password);
        await Page.ClickAsync("#sign-in");
        await WaitForInteractiveAsync();
    }

    /// <summary>Opens a console page and waits until its circuit is connected, so clicks reach the server.</summary>
    public async Task GotoAsync(string path)
    {
        await Page.GotoAsync(path);
        await WaitForInteractiveAsync();
    }

    public Task WaitForInteractiveAsync() =>
        Page.Locator("#console-ready[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>Hides the confirmations in the corner from here on, so they do not cover a screenshot.</summary>
    public Task HideSnackbarsAsync() =>
        Page.AddStyleTagAsync(new PageAddStyleTagOptions { Content = ".mud-snackbar { visibility: hidden !important; }" });

    /// <summary>
    /// Saves the viewport (or the whole page) as <paramref name="name"/>.png: in the test output's screenshots folder,
    /// or, with <c>UPDATE_SCREENSHOTS=1</c>, in the repository's docs/screenshots that the README shows.
    /// </summary>
    public async Task ScreenshotAsync(string name, bool fullPage = false)
    {
        var directory = Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(RepositoryRoot(), "docs", "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        // Dialogs and menus fade in: wait for running animations and transitions to end before the picture.
        await Page.EvaluateAsync(
            "() => Promise.all(document.getAnimations()"
            + ".filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)"
            + ".map(a => a.finished.catch(() => null)))");
        if (fullPage)
        {
            // The top bar and the menu are fixed to the window: scrolled down, a picture of the whole page would draw
            // them halfway down it, over the form.
            await Page.EvaluateAsync("() => window.scrollTo(0, 0)");
        }
        var path = Path.Combine(directory, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        Assert.True(new FileInfo(path).Length > 0, $"the screenshot {name} is empty");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WebhookConsole.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (WebhookConsole.sln) was not found above the test binaries.");
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
