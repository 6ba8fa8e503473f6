using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Components.Pages.Deliveries;
using WebhookConsole.Data;
using WebhookConsole.Features.Accounts;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Components.Pages.Deliveries;

[Collection(AppCollection.Name)]
public sealed class DeliveryDetailPageTests : ConsoleTestContext
{
    private const string Secret = "s3cr3t-token-value";

    private async Task AddAttemptAsync(Delivery delivery, int number, int? statusCode, string? error = null)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Attempts.Add(new DeliveryAttempt
        {
            Id = Guid.CreateVersion7(),
            DeliveryId = delivery.Id,
            WebhookId = delivery.WebhookId,
            AccountId = delivery.AccountId,
            Number = number,
            RequestMethod = "POST",
            RequestUrl = "https://crm.example/hook",
            // As an older row or a careless writer might have stored it: the page must mask it anyway.
            RequestHeadersJson = $$"""{"Content-Type": "application/json", "Authorization": "Bearer {{Secret}}", "X-Api-Key": "{{Secret}}"}""",
            RequestBody = """{"call":"42","seconds":60}""",
            StatusCode = statusCode,
            ResponseHeadersJson = statusCode is null ? null : """{"Set-Cookie": "session=abc", "Server": "receiver"}""",
            ResponseBody = statusCode is null ? null : """{"ok":false}""",
            Error = error,
            DurationMs = 12 * number,
            CreatedAt = delivery.CreatedAt.AddSeconds(number),
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Detail_ShowsPayloadAndEveryAttempt_WithSecretHeadersMasked()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var webhook = await Data.AddWebhookAsync(accountId, "https://crm.example/hook", w => w.Name = "CRM");
        var delivery = await Data.AddFinishedDeliveryAsync(accountId, webhook.Id, DateTime.UtcNow.AddMinutes(-1));
        await AddAttemptAsync(delivery, 1, null, "connection refused");
        await AddAttemptAsync(delivery, 2, 500);

        var page = RenderInConsole<DeliveryDetailPage>(p => p.Add(c => c.Id, delivery.Id));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-attempt]").Count));
        Assert.DoesNotContain(Secret, page.Markup);
        Assert.DoesNotContain("session=abc", page.Markup);
        Assert.Contains("********", page.Find("#attempt-1-request-headers").TextContent);
        Assert.Contains("application/json", page.Find("#attempt-1-request-headers").TextContent);
        Assert.Contains("connection refused", page.Find("#attempt-1").TextContent);
        Assert.Contains("500", page.Find("#attempt-2 .attempt-status").TextContent);
        Assert.Contains("\"seconds\": 60", page.Find("#attempt-2-request-body").TextContent);
        Assert.Contains("\"uuid\": \"42\"", page.Find("#delivery-payload-body").TextContent);
        Assert.Contains("CRM", page.Find("#delivery-webhook").TextContent);
    }

    [Fact]
    public async Task Detail_SaysWhyTheDeliveryFailedAndWhatAReplayWouldDo_WhenTheWebhookIsDisabled()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var webhook = await Data.AddWebhookAsync(accountId, "https://crm.example/hook", w => (w.Enabled, w.DisabledReason) = (false, "410 Gone"));
        var delivery = await Data.AddFinishedDeliveryAsync(accountId, webhook.Id, DateTime.UtcNow.AddMinutes(-1));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Deliveries.Where(d => d.Id == delivery.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.AttemptCount, 0).SetProperty(d => d.LastStatusCode, (int?)null)
                    .SetProperty(d => d.LastError, "webhook disabled"));
        }

        var page = RenderInConsole<DeliveryDetailPage>(p => p.Add(c => c.Id, delivery.Id));

        page.WaitForAssertion(() => Assert.Equal("webhook disabled", page.Find("#delivery-last-error").TextContent));
        Assert.Contains("Failed because", page.Find("#delivery-summary").TextContent);
        Assert.Contains("No attempt was made", page.Find("#delivery-no-attempts").TextContent);
        Assert.Contains("a replay ends failed at once", page.Find("#delivery-webhook-disabled").TextContent);
    }

    [Fact]
    public async Task Page_SwitchesToTheDeliverysAccount_WhenAnotherAccountIsSelected()
    {
        var other = await Data.AddAccountWithTokenAsync("Acme voice");
        var webhook = await Data.AddWebhookAsync(other.AccountId, "https://acme.example/hook");
        var delivery = await Data.AddFinishedDeliveryAsync(other.AccountId, webhook.Id, DateTime.UtcNow.AddMinutes(-1));

        var page = RenderInConsole<DeliveryDetailPage>(p => p.Add(c => c.Id, delivery.Id));

        page.WaitForAssertion(() => Assert.Equal(delivery.Id.ToString(), page.Find("#delivery-id").TextContent));
        Assert.Equal(other.AccountId, Services.GetRequiredService<SelectedAccount>().Id);
        Assert.Contains("Switched to account 'Acme voice', which this delivery belongs to.", Host.Markup);
    }

    [Fact]
    public async Task UnknownId_ShowsAFriendlyNotFound()
    {
        await App.DefaultAccountIdAsync();

        var page = RenderInConsole<DeliveryDetailPage>(p => p.Add(c => c.Id, Guid.NewGuid()));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#delivery-not-found")));
        Assert.Empty(page.FindAll("#replay-delivery"));
    }

    [Fact]
    public async Task Replay_CreatesANewDeliveryLinkedToTheOriginal()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var webhook = await Data.AddWebhookAsync(accountId, "https://crm.example/hook");
        var delivery = await Data.AddFinishedDeliveryAsync(accountId, webhook.Id, DateTime.UtcNow.AddMinutes(-1));
        var page = RenderInConsole<DeliveryDetailPage>(p => p.Add(c => c.Id, delivery.Id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#replay-delivery")));

        page.Find("#replay-delivery").Click();

        Host.WaitForAssertion(() => Assert.NotNull(Host.Find(".replay-link")));
        var link = Host.Find(".replay-link").GetAttribute("href")!;
        var replay = await Data.DeliveryAsync(Guid.Parse(link["/deliveries/".Length..]));
        Assert.Equal(delivery.Id, replay.ReplayOfId);
    }

    [Fact]
    public async Task Replay_AsksFirst_WhenTheWebhookIsDisabled()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var webhook = await Data.AddWebhookAsync(accountId, "https://billing.example/hook", w => (w.Name, w.Enabled) = ("Billing", false));
        var delivery = await Data.AddFinishedDeliveryAsync(accountId, webhook.Id, DateTime.UtcNow.AddMinutes(-1));
        var page = RenderInConsole<DeliveryDetailPage>(p => p.Add(c => c.Id, delivery.Id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#replay-delivery")));

        page.Find("#replay-delivery").Click();

        Host.WaitForAssertion(() => Assert.Contains("Webhook 'Billing' is disabled", Host.Find(".mud-dialog").TextContent));
        Assert.Contains(DeliveryReplayButton.DisabledConsequence, page.Find("#delivery-webhook-disabled").TextContent);
        Assert.Equal(1, await Data.CountAsync<Delivery>());
    }

    [Fact]
    public async Task Replay_GoesOutWithoutAsking_WhenATestSendOfADisabledWebhook()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var webhook = await Data.AddWebhookAsync(accountId, "https://billing.example/hook", w => (w.Name, w.Enabled) = ("Billing", false));
        var delivery = await Data.AddFinishedDeliveryAsync(accountId, webhook.Id, DateTime.UtcNow.AddMinutes(-1));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Deliveries.Where(d => d.Id == delivery.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.IsTest, true));
        }
        var page = RenderInConsole<DeliveryDetailPage>(p => p.Add(c => c.Id, delivery.Id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#replay-delivery")));

        page.Find("#replay-delivery").Click();

        // A test send goes out to a disabled webhook, as the webhook's own test does: nothing to warn of.
        Host.WaitForAssertion(() => Assert.NotNull(Host.Find(".replay-link")));
        Assert.Empty(Host.FindAll(".mud-dialog"));
        Assert.Empty(page.FindAll("#delivery-webhook-disabled"));
        var link = Host.Find(".replay-link").GetAttribute("href")!;
        var replay = await Data.DeliveryAsync(Guid.Parse(link["/deliveries/".Length..]));
        Assert.True(replay.IsTest);
    }
}
