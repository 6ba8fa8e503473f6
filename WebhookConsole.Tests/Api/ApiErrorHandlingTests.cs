using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Data;
using WebhookConsole.Features.Webhooks;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Api;

/// <summary>A failure inside the API is answered by the API, in its error shape, not by the console's error page.</summary>
[Collection(AppCollection.Name)]
public sealed class ApiErrorHandlingTests
{
    [Fact]
    public async Task Request_Answers500InTheErrorShape_WhenTheDatabaseFails()
    {
        // Its own app: the test breaks the database under it.
        await using var app = new AppFactory();
        using var client = app.CreateApiClient();
        var environments = $"/api/v1/accounts/{await app.DefaultAccountIdAsync()}/environments";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync("DROP TABLE \"EnvironmentSubscriptions\"");
        }

        var response = await client.GetAsync(environments);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = await AppFactory.ReadJsonAsync(response);
        ApiAssert.ErrorShape(json, 500);
        Assert.Equal("internal error", json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateEnvironment_Answers500NotANameConflict_WhenTheSaveFailsForAnotherReason()
    {
        await using var app = new AppFactory();
        using var client = app.CreateApiClient();
        var accountId = await app.DefaultAccountIdAsync();
        var webhook = await app.Data.AddWebhookAsync(accountId, "https://a.example/x");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync("DROP TABLE \"EnvironmentSubscriptions\"");
        }

        var response = await client.SendDataAsync(HttpMethod.Put, $"/api/v1/accounts/{accountId}/environments", new { name = "fresh", webhooks = new[] { webhook.Id } });

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        ApiAssert.ErrorShape(await AppFactory.ReadJsonAsync(response), 500);
    }

    public static TheoryData<string> WriteMethods => ["POST", "PATCH", "DELETE"];

    [Theory]
    [MemberData(nameof(WriteMethods))]
    public async Task Write_Answers500InTheErrorShape_WithoutTheFailuresDetails(string method)
    {
        await using var race = new InterceptedApp<WebhookEndpoint>();
        var (app, client) = (race.App, race.Client);
        var accountId = await app.DefaultAccountIdAsync();
        var webhook = await app.Data.AddWebhookAsync(accountId, "https://failing.example");
        race.BeforeNextWrite.Run = () => throw new InvalidOperationException("disk I/O error at /var/lib/secret-path");
        var url = $"/api/v1/accounts/{accountId}/webhooks/{webhook.Id}";

        var response = method switch
        {
            "POST" => await client.SendDataAsync(HttpMethod.Post, url, new { uri = "https://still.example", hook = "*" }),
            "PATCH" => await client.SendDataAsync(HttpMethod.Patch, url, new { enabled = false }),
            _ => await client.DeleteAsync(url),
        };

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.InternalServerError, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        ApiAssert.ErrorShape(await AppFactory.ReadJsonAsync(response), 500);
        Assert.DoesNotContain("secret-path", text);
        Assert.DoesNotContain("InvalidOperationException", text);
    }
}
