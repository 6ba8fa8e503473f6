using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Features.Webhooks;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Api;

/// <summary>A failure nobody expected (the database failing a write, say) still answers in the API's error shape.</summary>
public sealed class ApiErrorsTests : IAsyncLifetime
{
    private readonly AppFactory app = new();
    private readonly BeforeNextWrite<WebhookEndpoint> beforeNextWrite = new();
    private WebApplicationFactory<Program> served = null!;
    private HttpClient client = null!;

    public Task InitializeAsync()
    {
        served = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(beforeNextWrite)));
        client = AppFactory.CreateApiClient(served);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await served.DisposeAsync();
        await app.DisposeAsync();
    }

    public static TheoryData<string> Methods => ["POST", "PATCH", "DELETE"];

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task UnexpectedFailure_Answers500InErrorShape_WithoutDetails(string method)
    {
        var webhook = await app.Data.AddWebhookAsync(await app.DefaultAccountIdAsync(), "https://failing.example");
        beforeNextWrite.Run = () => throw new InvalidOperationException("disk I/O error at /var/lib/secret-path");
        var url = $"/api/v1/accounts/{await app.DefaultAccountIdAsync()}/webhooks/{webhook.Id}";

        var answer = method switch
        {
            "POST" => await client.SendDataAsync(HttpMethod.Post, url, new { uri = "https://still.example", hook = "*" }),
            "PATCH" => await client.SendDataAsync(HttpMethod.Patch, url, new { enabled = false }),
            _ => await client.DeleteAsync(url),
        };

        var text = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.InternalServerError, $"{(int)answer.StatusCode}: {text}");
        Assert.StartsWith("application/json", answer.Content.Headers.ContentType?.MediaType);
        ApiAssert.ErrorShape(await AppFactory.ReadJsonAsync(answer), 500);
        Assert.DoesNotContain("secret-path", text);
        Assert.DoesNotContain("InvalidOperationException", text);
    }
}
