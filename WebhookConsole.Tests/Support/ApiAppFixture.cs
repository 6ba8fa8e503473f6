namespace WebhookConsole.Tests.Support;

/// <summary>
/// One app shared by the tests of a class: starting the app per test would dominate the suite's time.
/// Tests create their own objects and assert on those, so they do not depend on each other.
/// </summary>
public sealed class ApiAppFixture : IAsyncLifetime
{
    public AppFactory App { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public Guid AccountId { get; private set; }
    public string Account => $"/api/v1/accounts/{AccountId}";

    public async Task InitializeAsync()
    {
        App = new AppFactory();
        Client = App.CreateApiClient();
        AccountId = await App.DefaultAccountIdAsync();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
