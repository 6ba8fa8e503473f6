using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Data;

namespace WebhookConsole.Tests.Support;

/// <summary>
/// The real app, in process, on its own database (a fresh SQLite file unless given one), with an API token,
/// retries in seconds and private destinations allowed (the test receiver is on loopback).
/// </summary>
public sealed class AppFactory : WebApplicationFactory<Program>
{
    public const string Token = "wc_test_token_0123456789abcdefghijklmnopqrstuvwxyz";

    private readonly Dictionary<string, string?> settings;

    /// <param name="database">Owned from here on: dropped when the factory is disposed.</param>
    public AppFactory(IDictionary<string, string?>? overrides = null, TestDatabase? database = null)
    {
        Database = database ?? TestDatabase.CreateSqlite();
        settings = new Dictionary<string, string?>
        {
            ["Bootstrap:ApiToken"] = Token,
            ["Dispatcher:AllowPrivateNetworks"] = "true",
            // One delay, which every retry then repeats.
            ["Dispatcher:RetryDelays:0"] = "1",
            ["Dispatcher:SweepIntervalSeconds"] = "1",
            ["Dispatcher:WorkerCount"] = "8",
        };
        foreach (var (key, value) in Database.Settings)
        {
            settings[key] = value;
        }
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
    }

    public TestDatabase Database { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>An API client carrying the bootstrap token.</summary>
    public HttpClient CreateApiClient() => CreateApiClient(this);

    /// <summary>An API client of a factory derived from one of these (<c>WithWebHostBuilder</c>), carrying the bootstrap token.</summary>
    public static HttpClient CreateApiClient(WebApplicationFactory<Program> factory)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Auth-Token", Token);
        return client;
    }

    public TestData Data => new(Services);

    public async Task<Guid> DefaultAccountIdAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Accounts.OrderBy(a => a.CreatedAt).Select(a => a.Id).FirstAsync();
    }

    public async Task<HttpResponseMessage> PostEventAsync(HttpClient client, Guid accountId, object data) =>
        await client.PostAsJsonAsync($"/api/v1/accounts/{accountId}/events", new { data });

    /// <summary>The <c>delivery_ids</c> of an ingest answer.</summary>
    public static async Task<List<Guid>> DeliveryIdsAsync(HttpResponseMessage response) =>
        (await ReadJsonAsync(response))["data"]!["delivery_ids"]!.AsArray().Select(n => Guid.Parse(n!.GetValue<string>())).ToList();

    public static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonObject
        ?? throw new InvalidOperationException("The response is not a JSON object.");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Database.Dispose();
        }
    }
}
