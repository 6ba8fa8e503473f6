using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using WebhookConsole.Features.Accounts;

namespace WebhookConsole.Tests.Support;

/// <summary>
/// A bUnit context for console components backed by the real app: its services come from a running
/// <see cref="AppFactory"/> (a fresh SQLite file), MudBlazor's services are registered, and the JS interop is loose.
/// Components render inside a <see cref="MudPopoverProvider"/> and <see cref="MudDialogProvider"/> so dialogs,
/// menus and selects open as in the browser.
/// </summary>
public abstract class ConsoleTestContext : BunitContext, IAsyncLifetime
{
    private readonly AsyncServiceScope scope;

    protected ConsoleTestContext(IDictionary<string, string?>? settings = null)
    {
        App = new AppFactory(settings);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Authorization = AddAuthorization();
        Authorization.SetAuthorized(ConsoleSignIn.AdminEmail);
        scope = App.Services.CreateAsyncScope();
        // The console's selection reads the signed-in admin from this context's authentication, not the app's.
        Services.AddScoped(sp => new SelectedAccount(
            scope.ServiceProvider.GetRequiredService<AccountService>(), sp.GetRequiredService<AuthenticationStateProvider>()));
        // bUnit's own options infrastructure would answer IOptions<IdentityOptions> with Identity's defaults, not the
        // password and claim rules the app configures and validates with.
        Services.AddSingleton(_ => scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>());
        Services.AddFallbackServiceProvider(scope.ServiceProvider);
        // As in the browser once the circuit runs; prerendering is what the browser tests see.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected AppFactory App { get; }

    protected BunitAuthorizationContext Authorization { get; }

    protected TestData Data => App.Data;

    /// <summary>Renders <typeparamref name="TComponent"/> with the providers the console's layout supplies.</summary>
    protected IRenderedComponent<TComponent> RenderInConsole<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        Host = Render<ConsoleHost>(p => p.AddChildContent<TComponent>(parameters ?? (_ => { })));
        return Host.FindComponent<TComponent>();
    }

    /// <summary>The providers and the component; open dialogs and popovers render here.</summary>
    protected IRenderedComponent<ConsoleHost> Host { get; private set; } = default!;

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    /// <summary>MudBlazor's services are async-disposable only, so xunit must dispose the context asynchronously.</summary>
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await scope.DisposeAsync();
        await App.DisposeAsync();
    }
}
