using System.Net;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Api;

/// <summary>
/// Names the API takes (webhooks, environments) are one line of plain text: line breaks, tabs, other control characters
/// and the characters that reorder text are refused on the field; spaces around a name are trimmed, as the console does.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class NameCharactersTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    private const string Message = "name cannot contain line breaks or control characters";

    /// <summary>
    /// Each as a JSON escape: line feed, carriage return, tab, U+0001, DEL, NEL (C1), line separator, right-to-left
    /// override, isolate, and the invisible zero width space, word joiner and byte order mark.
    /// </summary>
    public static TheoryData<string> Refused =>
        ["\\n", "\\r", "\\t", "\\u0001", "\\u007f", "\\u0085", "\\u2028", "\\u202e", "\\u2066", "\\u200b", "\\u2060", "\\ufeff"];

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task EveryNameRoute_Answers400OnName_WhenNameHoldsTheCharacter(string escape)
    {
        var webhook = await fixture.App.Data.AddWebhookAsync(fixture.AccountId, "https://names.example/" + Guid.NewGuid().ToString("N"));
        var environment = await fixture.App.Data.AddEnvironmentAsync(fixture.AccountId, "names-" + Guid.NewGuid().ToString("N")[..8]);
        var before = await fixture.App.Data.SnapshotAsync();
        var name = $"Billing{escape}invoices";
        var requests = new (HttpMethod Method, string Url, string Body)[]
        {
            (HttpMethod.Put, fixture.Account + "/webhooks", $$$"""{"data": {"uri": "https://example.com", "hook": "*", "name": "{{{name}}}"}}"""),
            (HttpMethod.Post, $"{fixture.Account}/webhooks/{webhook.Id}", $$$"""{"data": {"uri": "https://example.com", "hook": "*", "name": "{{{name}}}"}}"""),
            (HttpMethod.Patch, $"{fixture.Account}/webhooks/{webhook.Id}", $$$"""{"data": {"name": "{{{name}}}"}}"""),
            (HttpMethod.Patch, $"{fixture.Account}/webhooks/{webhook.Id}", $$$"""{"data": {"name": "Billing{{{escape}}}"}}"""),
            (HttpMethod.Put, fixture.Account + "/environments", $$$"""{"data": {"name": "{{{name}}}"}}"""),
            (HttpMethod.Post, $"{fixture.Account}/environments/{environment.Id}", $$$"""{"data": {"name": "{{{name}}}"}}"""),
            (HttpMethod.Patch, $"{fixture.Account}/environments/{environment.Id}", $$$"""{"data": {"name": "{{{escape}}}Billing"}}"""),
        };

        foreach (var (method, url, body) in requests)
        {
            var json = await ApiAssert.FieldErrorAsync(await fixture.Client.SendRawAsync(method, url, body), HttpStatusCode.BadRequest, "name");

            Assert.Equal(Message, json["data"]!["name"]!["format"]!.GetValue<string>());
        }
        Assert.Equal(before, await fixture.App.Data.SnapshotAsync());
    }

    [Fact]
    public async Task EveryNameRoute_TrimsSpacesAroundTheName()
    {
        var webhook = await fixture.App.Data.AddWebhookAsync(fixture.AccountId, "https://names.example/" + Guid.NewGuid().ToString("N"));
        var suffix = Guid.NewGuid().ToString("N")[..8];

        var created = await ApiAssert.SuccessAsync(await fixture.Client.SendDataAsync(HttpMethod.Put, fixture.Account + "/webhooks",
            new { uri = "https://example.com", hook = "*", name = "  Billing  " }), HttpStatusCode.Created);
        var patched = await ApiAssert.SuccessAsync(await fixture.Client.SendDataAsync(HttpMethod.Patch, $"{fixture.Account}/webhooks/{webhook.Id}",
            new { name = "\u00a0CRM " }));
        var environment = await ApiAssert.SuccessAsync(await fixture.Client.SendDataAsync(HttpMethod.Put, fixture.Account + "/environments",
            new { name = $" prod-{suffix} " }), HttpStatusCode.Created);
        var taken = await fixture.Client.SendDataAsync(HttpMethod.Put, fixture.Account + "/environments", new { name = $"prod-{suffix}  " });

        Assert.Equal("Billing", created["name"]!.GetValue<string>());
        Assert.Equal("CRM", patched["name"]!.GetValue<string>());
        Assert.Equal($"prod-{suffix}", environment["name"]!.GetValue<string>());
        await ApiAssert.FieldErrorAsync(taken, HttpStatusCode.Conflict, "name");
    }

    [Fact]
    public async Task Create_KeepsTheName_WhenItHoldsJoinersAndOtherScripts()
    {
        // Zero-width joiners make one emoji of several, and Arabic or Hebrew names read right to left on their own.
        const string name = "Équipe 👩‍💻 فريق שלום";

        var created = await ApiAssert.SuccessAsync(await fixture.Client.SendDataAsync(HttpMethod.Put, fixture.Account + "/environments",
            new { name = name + Guid.NewGuid().ToString("N")[..6] }), HttpStatusCode.Created);

        Assert.StartsWith(name, created["name"]!.GetValue<string>());
    }
}
