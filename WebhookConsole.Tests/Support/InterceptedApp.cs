using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace WebhookConsole.Tests.Support;

/// <summary>
/// The app, served with a <see cref="BeforeNextWrite{T}"/> among its interceptors: tests arm it to land another
/// request's change (or a failure) between a service's checks and its write. <see cref="App"/> arranges and inspects
/// data on the same database; <see cref="Served"/> and <see cref="Client"/> are the app under test.
/// </summary>
public sealed class InterceptedApp<T> : IAsyncDisposable where T : class
{
    public InterceptedApp()
    {
        Served = App.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(BeforeNextWrite)));
        Client = AppFactory.CreateApiClient(Served);
    }

    public AppFactory App { get; } = new();

    public BeforeNextWrite<T> BeforeNextWrite { get; } = new();

    public WebApplicationFactory<Program> Served { get; }

    public HttpClient Client { get; }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Served.DisposeAsync();
        await App.DisposeAsync();
    }
}
