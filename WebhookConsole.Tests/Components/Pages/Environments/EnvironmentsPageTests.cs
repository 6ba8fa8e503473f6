using Bunit;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Components.Pages.Environments;
using WebhookConsole.Features.Environments;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Components.Pages.Environments;

[Collection(AppCollection.Name)]
public sealed class EnvironmentsPageTests : ConsoleTestContext
{
    private EnvironmentService Environments => App.Services.GetRequiredService<EnvironmentService>();

    private static string RowText(IRenderedComponent<EnvironmentsPage> page, string name) =>
        page.FindAll("#environments-table tbody tr").Single(r => r.QuerySelector(".environment-name")?.TextContent == name).TextContent;

    [Fact]
    public async Task List_ShowsNameAndSubscriptionCount_WhenEnvironmentsExist()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var a = await Data.AddWebhookAsync(accountId, "https://a.example/hook");
        var b = await Data.AddWebhookAsync(accountId, "https://b.example/hook");
        await Data.AddEnvironmentAsync(accountId, "ITD2024", a.Id, b.Id);
        await Data.AddEnvironmentAsync(accountId, "staging");

        var page = RenderInConsole<EnvironmentsPage>();

        page.WaitForAssertion(() =>
        {
            var row = page.FindAll("#environments-table tbody tr").Single(r => r.TextContent.Contains("ITD2024"));
            Assert.Equal("2", row.QuerySelector(".subscription-count")!.TextContent);
        });
        Assert.Contains("staging", page.Find("#environments-table").TextContent);
    }

    [Fact]
    public async Task Create_AddsTheEnvironment_WhenNameIsNew()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var page = RenderInConsole<EnvironmentsPage>();

        page.WaitForElement("#new-environment").Click();
        Host.WaitForElement("#environment-name").Input("ITD2024");
        Host.Find("#save-environment").Click();

        page.WaitForAssertion(() => Assert.Contains("0", RowText(page, "ITD2024")));
        Host.WaitForAssertion(() => Assert.Contains("Environment 'ITD2024' created", Host.Markup));
        Assert.Contains(await Environments.ListAsync(accountId, CancellationToken.None), e => e.Name == "ITD2024");
    }

    [Fact]
    public async Task Create_ShowsTheServiceMessage_WhenNameIsTakenOrBlank()
    {
        var accountId = await App.DefaultAccountIdAsync();
        await Data.AddEnvironmentAsync(accountId, "ITD2024");
        var page = RenderInConsole<EnvironmentsPage>();
        page.WaitForElement("#new-environment").Click();

        Host.WaitForElement("#environment-name").Input("   ");
        Host.Find("#save-environment").Click();
        Host.WaitForAssertion(() => Assert.Contains("Name is required.", Host.Markup));

        Host.Find("#environment-name").Input("ITD2024");
        Host.Find("#save-environment").Click();
        Host.WaitForAssertion(() => Assert.Contains("This account already has an environment named 'ITD2024'.", Host.Markup));

        Assert.Single(await Environments.ListAsync(accountId, CancellationToken.None));
        Assert.NotEmpty(Host.FindAll("#save-environment"));
    }

    [Fact]
    public async Task Rename_ChangesTheNameAndKeepsSubscriptions_WhenNameIsFree()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var hook = await Data.AddWebhookAsync(accountId, "https://a.example/hook");
        var environment = await Data.AddEnvironmentAsync(accountId, "ITD2024", hook.Id);
        var page = RenderInConsole<EnvironmentsPage>();

        page.WaitForElement($"#rename-{environment.Id}").Click();
        var field = Host.WaitForElement("#environment-name");
        Assert.Equal("ITD2024", field.GetAttribute("value"));
        field.Input("ITD2025");
        Host.Find("#save-environment").Click();

        page.WaitForAssertion(() => Assert.Contains("1", RowText(page, "ITD2025")));
        var saved = await Environments.GetAsync(accountId, environment.Id, CancellationToken.None);
        Assert.Equal("ITD2025", saved!.Name);
        Assert.Equal([hook.Id], saved.Subscriptions.Select(s => s.WebhookId));
    }

    [Fact]
    public async Task Rename_RefusesTheName_WhenAnotherEnvironmentHasIt()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var environment = await Data.AddEnvironmentAsync(accountId, "ITD2024");
        await Data.AddEnvironmentAsync(accountId, "staging");
        var page = RenderInConsole<EnvironmentsPage>();

        page.WaitForElement($"#rename-{environment.Id}").Click();
        Host.WaitForElement("#environment-name").Input("staging");
        Host.Find("#save-environment").Click();

        Host.WaitForAssertion(() => Assert.Contains("already has an environment named 'staging'", Host.Markup));
        Assert.Equal("ITD2024", (await Environments.GetAsync(accountId, environment.Id, CancellationToken.None))!.Name);
    }

    [Fact]
    public async Task Delete_SaysHowManySubscriptionsGoAndDeletes_WhenConfirmed()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var a = await Data.AddWebhookAsync(accountId, "https://a.example/hook");
        var b = await Data.AddWebhookAsync(accountId, "https://b.example/hook");
        var environment = await Data.AddEnvironmentAsync(accountId, "ITD2024", a.Id, b.Id);
        var page = RenderInConsole<EnvironmentsPage>();

        page.WaitForElement($"#delete-{environment.Id}").Click();
        Host.WaitForAssertion(() => Assert.Contains("Its subscriptions to 2 webhooks go with it.", Host.Markup));
        Host.Find("#confirm-yes").Click();

        page.WaitForAssertion(() => Assert.DoesNotContain("ITD2024", page.Find("#environments-table").TextContent));
        Assert.Null(await Environments.GetAsync(accountId, environment.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Delete_KeepsTheEnvironment_WhenCancelled()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var environment = await Data.AddEnvironmentAsync(accountId, "ITD2024");
        var page = RenderInConsole<EnvironmentsPage>();

        page.WaitForElement($"#delete-{environment.Id}").Click();
        Host.WaitForAssertion(() => Assert.Contains("It subscribes to no webhooks.", Host.Markup));
        Host.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        Host.WaitForAssertion(() => Assert.Empty(Host.FindAll("#confirm-yes")));
        Assert.NotNull(await Environments.GetAsync(accountId, environment.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Create_ShowsTheFaultOnTheField_WhenNameHoldsARightToLeftOverride()
    {
        var accountId = await App.DefaultAccountIdAsync();
        var page = RenderInConsole<EnvironmentsPage>();
        page.WaitForElement("#new-environment").Click();

        Host.WaitForElement("#environment-name").Input("ITD\u202E4202");
        Host.Find("#save-environment").Click();

        Host.WaitForAssertion(() => Assert.Contains("Name cannot contain line breaks or control characters.",
            Host.Find("#environment-name").Closest(".mud-input-control")!.TextContent));
        Assert.Empty(await Environments.ListAsync(accountId, CancellationToken.None));
    }

    [Fact]
    public async Task RowButtons_NameTheirEnvironment()
    {
        await Data.AddEnvironmentAsync(await App.DefaultAccountIdAsync(), "ITD2024");

        var page = RenderInConsole<EnvironmentsPage>();

        page.WaitForAssertion(() => Assert.Equal(
            ["Subscribe webhooks to environment ITD2024", "Rename environment ITD2024", "Delete environment ITD2024"],
            page.Find("#environments-table tbody tr").QuerySelectorAll("button").Select(b => b.GetAttribute("aria-label"))));
    }
}
