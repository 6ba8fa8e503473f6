using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Api;
using WebhookConsole.Components.Pages.Audit;
using WebhookConsole.Features.Audit;
using WebhookConsole.Features.Environments;
using WebhookConsole.Features.Webhooks;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Components.Pages.Audit;

[Collection(AppCollection.Name)]
public sealed class AuditPageTests : ConsoleTestContext
{
    private const string Admin = "ops@example.com";

    /// <summary>An environment made and a webhook switched off by an admin, the way the console's circuit records them.</summary>
    private async Task<(WebhookEnvironment Environment, WebhookEndpoint Webhook)> ArrangeChangesAsync()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var webhook = await Data.AddWebhookAsync(accountId, "https://crm.example/hook");
        using (App.Services.GetRequiredService<AuditActor>().Use(Admin))
        {
            var environment = await App.Services.GetRequiredService<EnvironmentService>().CreateAsync(accountId,
                new EnvironmentInput { Fields = new HashSet<string> { "name" }, Name = "ITD2024" }, new FieldErrors(), CancellationToken.None);
            await App.Services.GetRequiredService<WebhookService>().SetEnabledAsync(accountId, webhook.Id, false, CancellationToken.None);
            return (environment!, webhook);
        }
    }

    private static List<string> Actions(IRenderedComponent<AuditPage> page) =>
        page.FindAll("#audit-table tbody .audit-action").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public async Task Log_ShowsEntriesNewestFirst_WithActorAndEntity()
    {
        var (environment, webhook) = await ArrangeChangesAsync();

        var page = RenderInConsole<AuditPage>();

        page.WaitForAssertion(() => Assert.Equal(AuditActions.WebhookDisabled, Actions(page).First()));
        var actions = Actions(page);
        Assert.Equal(AuditActions.EnvironmentCreated, actions[1]);
        Assert.Contains(AuditActions.AccountCreated, actions);
        var table = page.Find("#audit-table").TextContent;
        Assert.Contains(Admin, table);
        Assert.Contains(environment.Id.ToString(), table);
        Assert.Contains(webhook.Name, table);
    }

    [Fact]
    public async Task Details_ShowBeforeAndAfterWithTheChangedFieldsMarked()
    {
        var (_, webhook) = await ArrangeChangesAsync();
        var page = RenderInConsole<AuditPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(Actions(page)));
        var entryId = page.FindAll("#audit-table tbody tr")
            .First(r => r.TextContent.Contains(AuditActions.WebhookDisabled))
            .QuerySelector("button[id^=audit-details-]")!.Id!["audit-details-".Length..];

        page.Find($"#audit-details-{entryId}").Click();

        Host.WaitForAssertion(() => Assert.NotNull(Host.Find("#audit-diff")));
        var changed = Host.FindAll("#audit-diff tr.audit-changed").Select(r => r.QuerySelector("code")!.TextContent).ToList();
        Assert.Contains("enabled", changed);
        Assert.Contains("disabled_reason", changed);
        Assert.DoesNotContain("uri", changed);
        Assert.Contains(Admin, Host.Find("#audit-entry-meta").TextContent);
        Assert.Contains(webhook.Url, Host.Find("#audit-before").TextContent);
        Assert.Contains("\"enabled\": false", Host.Find("#audit-after").TextContent);
    }

    [Fact]
    public async Task Filters_FromTheQueryString_NarrowTheLog()
    {
        await ArrangeChangesAsync();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/audit?entity=environment&actor=ops");

        var page = RenderInConsole<AuditPage>();

        page.WaitForAssertion(() => Assert.Equal([AuditActions.EnvironmentCreated], Actions(page)));
    }

    [Theory]
    [InlineData("/audit?action=webhook.exploded&actor=ops", "/audit?actor=ops")]
    [InlineData("/audit?entity=environment&action=webhook.disabled&actor=ops", "/audit?entity=environment&actor=ops")]
    [InlineData("/audit?entity=planet&actor=ops&q=", "/audit?actor=ops")]
    public async Task Filters_TheLogCannotUse_AreDroppedFromTheAddress(string link, string kept)
    {
        await ArrangeChangesAsync();
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(link);

        var page = RenderInConsole<AuditPage>();

        page.WaitForAssertion(() => Assert.Contains(AuditActions.EnvironmentCreated, Actions(page)));
        page.WaitForAssertion(() => Assert.EndsWith(kept, navigation.Uri));
    }

    [Fact]
    public async Task MenuLink_WhileFiltered_ShowsTheWholeLogAgain()
    {
        await ArrangeChangesAsync();
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/audit?entity=environment");
        var page = RenderInConsole<AuditPage>();
        page.WaitForAssertion(() => Assert.Equal([AuditActions.EnvironmentCreated], Actions(page)));

        navigation.NavigateTo("/audit");

        page.WaitForAssertion(() => Assert.Equal(AuditActions.WebhookDisabled, Actions(page).First()));
        Assert.EndsWith("/audit", navigation.Uri);
    }

    [Fact]
    public async Task Search_OfALongLog_SaysHowFarBackItSearched_AndSearchesFurtherWhenAsked()
    {
        var accountId = await App.DefaultAccountIdAsync();
        // After what the app logged at its start: the log's newest entries, one a second, the oldest five apart.
        var newest = DateTime.UtcNow.AddDays(1);
        var entries = Enumerable.Range(0, AuditQueryService.SearchDepth + 5).Select(i => new AuditEntry
        {
            Id = Guid.NewGuid(),
            AccountId = accountId,
            OccurredAt = newest.AddSeconds(-i),
            Actor = Admin,
            Action = AuditActions.WebhookUpdated,
            EntityType = AuditEntityTypes.Webhook,
            EntityId = Guid.NewGuid().ToString(),
            EntityName = i < AuditQueryService.SearchDepth ? $"Recent {i}" : $"Ancient {i}",
        });
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WebhookConsole.Data.AppDbContext>();
            db.AuditEntries.AddRange(entries);
            await db.SaveChangesAsync();
        }
        var searchedFrom = newest.AddSeconds(1 - AuditQueryService.SearchDepth).ToString("yyyy-MM-dd HH:mm:ss 'UTC'");
        Services.GetRequiredService<NavigationManager>().NavigateTo("/audit?q=Ancient");

        var page = RenderInConsole<AuditPage>();

        page.WaitForAssertion(() => Assert.Contains($"No changes since {searchedFrom} match the filters.", page.Find("#audit-empty").TextContent));
        Assert.Contains($"back to {searchedFrom}", page.Find("#audit-searched-from").TextContent);
        page.Find("#audit-search-further").Click();
        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll("#audit-table tbody .audit-entity-name").Count));
        Assert.All(page.FindAll("#audit-table tbody .audit-entity-name"), e => Assert.StartsWith("Ancient", e.TextContent));
        Assert.Empty(page.FindAll("#audit-searched-from"));
    }

    [Fact]
    public async Task Search_FindsTheEntriesOfOneEntity_ByIdOrName()
    {
        var (environment, _) = await ArrangeChangesAsync();
        var page = RenderInConsole<AuditPage>();
        page.WaitForAssertion(() => Assert.True(Actions(page).Count > 2));

        // The id's last 12 digits are random; its first ones are the creation time, which the webhook made in the
        // same millisecond shares.
        var part = environment.Id.ToString().ToUpperInvariant()[^12..];
        page.Find("#audit-search").Input(part);

        page.WaitForAssertion(() => Assert.Equal([AuditActions.EnvironmentCreated], Actions(page)));
        Assert.EndsWith("q=" + part, Services.GetRequiredService<NavigationManager>().Uri);
    }
}
