using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Components.Pages.Webhooks;
using WebhookConsole.Components.Shared;
using WebhookConsole.Api;
using WebhookConsole.Data;
using WebhookConsole.Dispatching.Signing;
using WebhookConsole.Features.Accounts;
using WebhookConsole.Features.Environments;
using WebhookConsole.Features.EventTypes;
using WebhookConsole.Features.Webhooks;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Components.Pages.Webhooks;

[Collection(AppCollection.Name)]
public sealed class WebhookEditPageTests : ConsoleTestContext
{
    [Fact]
    public void Template_ShowsFaultPosition_WhileTyping()
    {
        var page = RenderInConsole<WebhookEditPage>();

        page.WaitForElement("#webhook-template").Input("{\n  \"call\": \"{{ uuid \"\n}");

        page.WaitForAssertion(() => Assert.Matches(@"Line 2, column \d+", page.Find("#template-error").TextContent));
        page.Find("#webhook-template").Input("{\"call\": \"{{ uuid }}\"}");
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#template-error")));
        Assert.NotNull(page.Find("#template-ok"));
    }

    [Fact]
    public async Task Save_ShowsMessagesPerFieldAndWritesNothing_WhenInputIsInvalid()
    {
        var page = RenderInConsole<WebhookEditPage>();
        page.WaitForElement("#webhook-url").Input("not a url");
        page.Find("#webhook-template").Input("[1, 2]");
        page.Find("#webhook-custom-data").Input("{\"crm\": ");
        page.Find("#add-header").Click();
        page.Find("#header-name-0").Input("User-Agent");
        page.Find("#header-value-0").Input("mine");

        page.Find("#save-webhook").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#save-errors")));
        var markup = page.Markup;
        Assert.Contains("URL must be an absolute URL", markup);
        Assert.DoesNotContain("Uri must", markup);
        Assert.Matches(@"Line 1, column \d+", page.Find("#template-error").TextContent);
        Assert.Contains("Not valid JSON at line 1", markup);
        Assert.Contains("'User-Agent' is set by the dispatcher and cannot be a custom header", page.Find("#headers-error").TextContent);
        Assert.Equal(0, await Data.CountAsync<WebhookEndpoint>());
    }

    [Fact]
    public async Task Save_NamesTheFieldAsTheFormLabelsIt_WhenUrlIsEmpty()
    {
        var page = RenderInConsole<WebhookEditPage>();
        page.WaitForElement("#webhook-url");

        page.Find("#save-webhook").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#save-errors")));
        Assert.Contains("URL is required.", page.Markup);
        Assert.DoesNotContain("Uri is required", page.Markup);
        Assert.Equal(0, await Data.CountAsync<WebhookEndpoint>());
    }

    [Fact]
    public async Task Save_SaysWhereTheHalfPairIsAndWritesNothing_WhenCustomDataHoldsHalfASurrogatePair()
    {
        var page = RenderInConsole<WebhookEditPage>();
        page.WaitForElement("#webhook-url").Input("https://crm.example.com/calls");
        page.Find("#webhook-custom-data").Input("{\"crm\": \"half \\ud83d\"}");

        page.Find("#save-webhook").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#save-errors")));
        Assert.Contains("Not valid JSON at line 1, column 9: the text holds half of a UTF-16 surrogate pair", page.Markup);
        Assert.Equal(0, await Data.CountAsync<WebhookEndpoint>());
    }

    [Fact]
    public async Task Save_RefusesWhatTheApiRefuses_WhenUrlIsTooLongOrCustomDataNamesAFieldTwice()
    {
        var page = RenderInConsole<WebhookEditPage>();
        page.WaitForElement("#webhook-url").Input("https://crm.example.com/" + new string('a', 2100));
        page.Find("#webhook-custom-data").Input("{\"crm\": 1, \"crm\": 2}");

        page.Find("#save-webhook").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#save-errors")));
        Assert.Contains("URL is longer than 2048 characters.", page.Markup);
        Assert.Contains("Not valid JSON at line 1", page.Markup);
        Assert.Equal(0, await Data.CountAsync<WebhookEndpoint>());
    }

    [Fact]
    public async Task Preview_ShowsTheSignedRequest_AndFollowsTheTemplate()
    {
        var sample = JsonNode.Parse((await App.Services.GetRequiredService<EventTypeCatalog>().FindAsync("Call:Hangup", CancellationToken.None))!.SampleJson)!;
        var page = RenderInConsole<WebhookEditPage>();
        page.WaitForElement("#webhook-url").Input("https://crm.example.com/calls");

        page.Find("#webhook-template").Input("{\"call\": \"{{ uuid }}\", \"secs\": \"{{ duration }}\"}");

        page.WaitForAssertion(() => Assert.Contains($"\"call\": \"{sample["uuid"]}\"", page.Find("#preview-body").TextContent));
        Assert.Contains($"\"secs\": {sample["duration"]!.ToJsonString()}", page.Find("#preview-body").TextContent);
        Assert.Contains("https://crm.example.com/calls", page.Find("#preview-url").TextContent);
        var headers = page.Find("#preview-headers").TextContent;
        Assert.Contains("webhook-signature", headers);
        Assert.Contains("v1,", headers);

        page.Find("#webhook-template").Input("{\"who\": \"{{ meta.event }}\"}");

        page.WaitForAssertion(() => Assert.Contains("\"who\": \"Call:Hangup\"", page.Find("#preview-body").TextContent));
        Assert.DoesNotContain("\"call\"", page.Find("#preview-body").TextContent);
    }

    [Fact]
    public async Task Preview_OffersTheBodyAsSentAndSigned_WithItsContentType()
    {
        var sample = JsonNode.Parse((await App.Services.GetRequiredService<EventTypeCatalog>().FindAsync("Call:Hangup", CancellationToken.None))!.SampleJson)!;
        var page = RenderInConsole<WebhookEditPage>();
        page.WaitForElement("#webhook-url").Input("https://crm.example.com/calls");
        page.Find("#webhook-secret").Input("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        page.Find("#webhook-template").Input("{\"call\": \"{{ uuid }}\", \"note\": \"שלום \\\"{{ duration }}\\\" 🎉\", \"n\": 1.0}");

        page.WaitForAssertion(() => Assert.Contains("\"note\"", page.Find("#preview-body").TextContent));
        var headers = page.FindAll("#preview-headers tr").ToDictionary(
            row => row.QuerySelector(".header-name")!.TextContent, row => row.QuerySelector(".header-value")!.TextContent);
        Assert.Equal("application/json; charset=utf-8", headers["Content-Type"]);
        var body = page.FindComponent<RequestPreview>().FindComponent<CopyButton>().Instance.Text;
        Assert.DoesNotContain("\n", body);
        Assert.EndsWith("\"n\":1.0}", body);
        Assert.Equal($"שלום \"{sample["duration"]}\" 🎉", JsonNode.Parse(body)!["note"]!.GetValue<string>());
        // Standard Webhooks, computed here from the spec: HMAC-SHA256(key, id.timestamp.body), base64.
        var key = Convert.FromBase64String("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        var signed = Encoding.UTF8.GetBytes($"{headers["webhook-id"]}.{headers["webhook-timestamp"]}.{body}");
        Assert.Equal("v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed)), headers["webhook-signature"]);
    }

    [Fact]
    public void SupportedField_InsertsItsPlaceholder_WhenClicked()
    {
        var page = RenderInConsole<WebhookEditPage>();
        page.WaitForElement("#webhook-template").Input("{\"a\": 1}");

        page.Find("#template-fields [data-field='caller_id_number']").Click();

        page.WaitForAssertion(() => Assert.Contains("\"caller_id_number\": \"{{ caller_id_number }}\"", page.Find("#webhook-template").GetAttribute("value") ?? page.Find("#webhook-template").TextContent));
    }

    [Fact]
    public async Task Save_CreatesTheWebhookWithItsEnvironments()
    {
        var account = await App.DefaultAccountIdAsync();
        var production = await Data.AddEnvironmentAsync(account, "ITD2024");
        var staging = await Data.AddEnvironmentAsync(account, "Staging");
        var page = RenderInConsole<WebhookEditPage>();
        page.WaitForElement("#webhook-url").Input("https://crm.example.com/calls");
        page.Find("#webhook-name").Input("CRM");
        page.Find("[data-environment='ITD2024']").Click();

        page.Find("#save-webhook").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Matches("/webhooks/[0-9a-f-]{36}$", navigation.Uri));
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var webhook = await db.Webhooks.SingleAsync();
        Assert.Equal(("CRM", "https://crm.example.com/calls", "Call:Hangup"), (webhook.Name, webhook.Url, webhook.EventType));
        Assert.EndsWith(webhook.Id.ToString(), navigation.Uri);
        var subscribers = await db.EnvironmentSubscriptions.Where(s => s.WebhookId == webhook.Id).Select(s => s.EnvironmentId).ToListAsync();
        Assert.Equal([production.Id], subscribers);
        Assert.DoesNotContain(staging.Id, subscribers);
    }

    [Fact]
    public async Task Save_ChangesNothing_WhenAnyPartIsInvalid()
    {
        var account = await App.DefaultAccountIdAsync();
        var webhook = await Data.AddWebhookAsync(account, "https://crm.example.com/calls");
        await Data.AddEnvironmentAsync(account, "ITD2024", webhook.Id);
        await Data.AddEnvironmentAsync(account, "Staging");
        var before = await Data.SnapshotAsync();
        var page = RenderInConsole<WebhookEditPage>(p => p.Add(x => x.Id, webhook.Id.ToString()));
        page.WaitForElement("[data-environment='Staging']").Click();
        page.Find("[data-environment='ITD2024']").Click();
        page.Find("#webhook-url").Input("ftp://crm.example.com/calls");

        page.Find("#save-webhook").Click();

        page.WaitForAssertion(() => Assert.Contains("URL must be an http or https URL", page.Markup));
        Assert.Equal(before, await Data.SnapshotAsync());
    }

    [Fact]
    public async Task Save_ReplacesSubscriptionsAndFields_OfAnExistingWebhook()
    {
        var account = await App.DefaultAccountIdAsync();
        var webhook = await Data.AddWebhookAsync(account, "https://crm.example.com/calls");
        var production = await Data.AddEnvironmentAsync(account, "ITD2024", webhook.Id);
        var staging = await Data.AddEnvironmentAsync(account, "Staging");
        var page = RenderInConsole<WebhookEditPage>(p => p.Add(x => x.Id, webhook.Id.ToString()));
        page.WaitForElement("[data-environment='Staging']").Click();
        page.Find("[data-environment='ITD2024']").Click();
        page.Find("#webhook-url").Input("https://crm.example.com/v2/calls");

        page.Find("#save-webhook").Click();

        page.WaitForAssertion(() => Assert.Contains("saved", Host.Markup));
        Assert.Equal("https://crm.example.com/v2/calls", (await Data.WebhookAsync(webhook.Id)).Url);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var subscribers = await db.EnvironmentSubscriptions.Where(s => s.WebhookId == webhook.Id).Select(s => s.EnvironmentId).ToListAsync();
        Assert.Equal([staging.Id], subscribers);
        Assert.DoesNotContain(production.Id, subscribers);
    }

    [Fact]
    public async Task Page_SwitchesToTheWebhooksAccount_WhenAnotherAccountIsSelected()
    {
        var other = await Data.AddAccountWithTokenAsync("Acme voice");
        var webhook = await Data.AddWebhookAsync(other.AccountId, "https://acme.example.com/calls", w => w.Name = "Acme CRM");

        var page = RenderInConsole<WebhookEditPage>(p => p.Add(x => x.Id, webhook.Id.ToString()));

        page.WaitForAssertion(() => Assert.Equal("https://acme.example.com/calls", page.Find("#webhook-url").GetAttribute("value")));
        Assert.Equal(other.AccountId, Services.GetRequiredService<SelectedAccount>().Id);
        Assert.Contains("Switched to account 'Acme voice', which this webhook belongs to.", Host.Markup);
        Assert.Empty(page.FindAll("#webhook-not-found"));
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("0193a0a0-0000-7000-8000-000000000001")]
    public void UnknownId_ShowsNotFound(string id)
    {
        var page = RenderInConsole<WebhookEditPage>(p => p.Add(x => x.Id, id));

        page.WaitForElement("#webhook-not-found");
        Assert.Empty(page.FindAll("#save-webhook"));
    }

    [Fact]
    public async Task Rotate_ShowsTheNewSecretOnce_AfterConfirmation()
    {
        var account = await App.DefaultAccountIdAsync();
        var webhook = await Data.AddWebhookAsync(account, "https://crm.example.com/calls");
        var page = RenderInConsole<WebhookEditPage>(p => p.Add(x => x.Id, webhook.Id.ToString()));

        page.WaitForElement("#rotate-secret").Click();
        Host.WaitForElement("#confirm-yes").Click();

        page.WaitForAssertion(() => Assert.Contains("whsec_", page.Find("#rotated-secret").TextContent));
        Assert.NotNull((await Data.WebhookAsync(webhook.Id)).PreviousSecretProtected);
    }

    [Theory]
    [InlineData("standard", "The previous secret keeps signing beside it for 24 hours")]
    [InlineData("frejun", "the new secret signs every request from now on")]
    [InlineData("hex", "the new secret signs every request from now on")]
    public async Task Rotate_SaysWhetherTheOldSecretKeepsSigning_ForTheScheme(string scheme, string effect)
    {
        SigningSchemeNames.TryParse(scheme, out var signing);
        var account = await App.DefaultAccountIdAsync();
        var webhook = await Data.AddWebhookAsync(account, "https://crm.example.com/calls", w => w.Signing = signing);
        var page = RenderInConsole<WebhookEditPage>(p => p.Add(x => x.Id, webhook.Id.ToString()));

        page.WaitForElement("#rotate-secret").Click();
        Host.WaitForElement("#confirm-yes").Click();

        page.WaitForAssertion(() => Assert.Contains(effect, page.Find("#rotated-secret").TextContent));
    }

    [Fact]
    public async Task Reveal_SaysTheWebhookIsGone_WhenItWasDeletedMeanwhile()
    {
        var account = await App.DefaultAccountIdAsync();
        var webhook = await Data.AddWebhookAsync(account, "https://crm.example.com/calls");
        var page = RenderInConsole<WebhookEditPage>(p => p.Add(x => x.Id, webhook.Id.ToString()));
        page.WaitForElement("#reveal-secret");
        await using (var db = await App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.Webhooks.Where(w => w.Id == webhook.Id).ExecuteDeleteAsync();
        }

        page.Find("#reveal-secret").Click();

        page.WaitForAssertion(() => Assert.Contains("This webhook no longer exists.", Host.Markup));
    }

    [Fact]
    public async Task ReEnable_ClearsTheReasonShownOnTheEditPage()
    {
        var account = await App.DefaultAccountIdAsync();
        var webhook = await Data.AddWebhookAsync(account, "https://crm.example.com/calls", w => (w.Enabled, w.DisabledReason) = (false, "410 Gone"));
        var page = RenderInConsole<WebhookEditPage>(p => p.Add(x => x.Id, webhook.Id.ToString()));

        page.WaitForElement("#webhook-disabled-reason").QuerySelector("#reenable-webhook")!.Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#webhook-disabled-reason")));
        Assert.True((await Data.WebhookAsync(webhook.Id)).Enabled);
    }

    [Fact]
    public async Task ReEnableButton_LooksStandard_WhenWebhookIsDisabled()
    {
        var account = await App.DefaultAccountIdAsync();
        var webhook = await Data.AddWebhookAsync(account, "https://crm.example.com/calls", w => (w.Enabled, w.DisabledReason) = (false, "410 Gone"));

        var page = RenderInConsole<WebhookEditPage>(p => p.Add(x => x.Id, webhook.Id.ToString()));

        ReEnableButtonAssert.LooksStandard(page.WaitForElement("#reenable-webhook"));
    }

    [Fact]
    public async Task Save_RefusesToOverwriteWhatChangedElsewhere_ThenSavesOverItWhenAsked()
    {
        var account = await App.DefaultAccountIdAsync();
        var webhook = await Data.AddWebhookAsync(account, "https://crm.example.com/calls", w => w.Name = "CRM");
        var page = RenderInConsole<WebhookEditPage>(p => p.Add(x => x.Id, webhook.Id.ToString()));
        page.WaitForElement("#webhook-url").Input("https://crm.example.com/v2/calls");
        await PatchAsync(account, webhook.Id, new WebhookInput { Fields = new HashSet<string> { WebhookFields.Name, WebhookFields.Retries }, Name = "CRM (other tab)", Retries = 7 });

        page.Find("#save-webhook").Click();

        page.WaitForAssertion(() => Assert.Contains("this webhook's name and retries changed elsewhere", page.Find("#webhook-conflict").TextContent));
        Assert.Contains("changed elsewhere meanwhile", Host.Markup);
        var untouched = await Data.WebhookAsync(webhook.Id);
        Assert.Equal(("https://crm.example.com/calls", "CRM (other tab)", 7), (untouched.Url, untouched.Name, untouched.Retries));

        page.Find("#conflict-overwrite").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#webhook-conflict")));
        var saved = await Data.WebhookAsync(webhook.Id);
        Assert.Equal(("https://crm.example.com/v2/calls", "CRM", 3), (saved.Url, saved.Name, saved.Retries));
    }

    [Fact]
    public async Task Save_DoesNotReEnableAWebhookTheDispatcherDisabledMeanwhile_AndReloadShowsWhy()
    {
        var account = await App.DefaultAccountIdAsync();
        var webhook = await Data.AddWebhookAsync(account, "https://crm.example.com/calls");
        var page = RenderInConsole<WebhookEditPage>(p => p.Add(x => x.Id, webhook.Id.ToString()));
        page.WaitForElement("#webhook-url").Input("https://crm.example.com/v2/calls");
        // As the dispatcher switches a webhook off with the attempt that got a 410.
        await using (var db = App.Database.CreateContext())
        {
            await db.Webhooks.Where(w => w.Id == webhook.Id).ExecuteUpdateAsync(s => s
                .SetProperty(w => w.Enabled, false)
                .SetProperty(w => w.DisabledReason, "410 Gone")
                .SetProperty(w => w.UpdatedAt, DateTime.UtcNow));
        }

        page.Find("#save-webhook").Click();

        page.WaitForAssertion(() => Assert.Contains("this webhook's status changed elsewhere", page.Find("#webhook-conflict").TextContent));
        Assert.False((await Data.WebhookAsync(webhook.Id)).Enabled);

        page.Find("#conflict-reload").Click();

        page.WaitForAssertion(() => Assert.Contains("410 Gone", page.Find("#webhook-disabled-reason").TextContent));
        Assert.Empty(page.FindAll("#webhook-conflict"));
        Assert.Equal("https://crm.example.com/calls", page.Find("#webhook-url").GetAttribute("value"));
    }

    [Fact]
    public async Task Save_TakesThePagesOwnChanges_ButNotSubscriptionsChangedElsewhere()
    {
        var account = await App.DefaultAccountIdAsync();
        var webhook = await Data.AddWebhookAsync(account, "https://crm.example.com/calls");
        var staging = await Data.AddEnvironmentAsync(account, "Staging");
        var page = RenderInConsole<WebhookEditPage>(p => p.Add(x => x.Id, webhook.Id.ToString()));
        page.WaitForElement("#webhook-url").Input("https://crm.example.com/v2/calls");
        page.Find("#save-webhook").Click();
        await Data.WaitForWebhookAsync(webhook.Id, w => w.Url.EndsWith("/v2/calls"), TimeSpan.FromSeconds(10), "the page's first save");
        page.Find("#rotate-secret").Click();
        Host.WaitForElement("#confirm-yes").Click();
        page.WaitForElement("#rotated-secret");
        // Saved again, as stored by someone else: the same values with a later timestamp conflict with nothing.
        await PatchAsync(account, webhook.Id, new WebhookInput { Fields = new HashSet<string> { WebhookFields.Retries }, Retries = 3 });

        page.Find("#webhook-url").Input("https://crm.example.com/v3/calls");
        page.Find("#save-webhook").Click();

        await Data.WaitForWebhookAsync(webhook.Id, w => w.Url.EndsWith("/v3/calls"), TimeSpan.FromSeconds(10), "the save after the rotation");
        Assert.Empty(page.FindAll("#webhook-conflict"));

        var environments = App.Services.GetRequiredService<EnvironmentService>();
        var subscribe = new EnvironmentInput { Fields = new HashSet<string> { EnvironmentInputParser.Webhooks }, Webhooks = [webhook.Id] };
        await environments.UpdateAsync(account, staging.Id, subscribe, replace: false, new FieldErrors(), CancellationToken.None);
        page.Find("#webhook-url").Input("https://crm.example.com/v4/calls");
        page.Find("#save-webhook").Click();

        page.WaitForAssertion(() => Assert.Contains("this webhook's environments changed elsewhere", page.Find("#webhook-conflict").TextContent));
        Assert.Equal("https://crm.example.com/v3/calls", (await Data.WebhookAsync(webhook.Id)).Url);
    }

    private async Task PatchAsync(Guid account, Guid webhookId, WebhookInput input)
    {
        var errors = new FieldErrors();
        var saved = await App.Services.GetRequiredService<WebhookService>().UpdateAsync(account, webhookId, input, replace: false, errors, CancellationToken.None);
        Assert.False(errors.Any, errors.Any ? errors.Summary() : null);
        Assert.NotNull(saved);
    }

    [Fact]
    public async Task Save_ShowsTheFaultOnTheNameField_WhenNameHoldsALineBreak()
    {
        var page = RenderInConsole<WebhookEditPage>();
        page.WaitForElement("#webhook-url").Input("https://crm.example.com/calls");
        page.Find("#webhook-name").Input("Billing\ninvoices");

        page.Find("#save-webhook").Click();

        page.WaitForAssertion(() => Assert.Contains("Name cannot contain line breaks or control characters.",
            page.Find("#webhook-name").Closest(".mud-input-control")!.TextContent));
        Assert.Equal(0, await Data.CountAsync<WebhookEndpoint>());
    }
}
