using System.Net;
using WebhookConsole.Features.Webhooks;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Webhooks;

/// <summary>A webhook deleted by another request after this one read it: the answer is the 404 of a webhook gone.</summary>
public sealed class WebhookSaveRaceTests : IAsyncLifetime
{
    private readonly InterceptedApp<WebhookEndpoint> race = new();
    private string webhooks = "";

    public async Task InitializeAsync() => webhooks = $"/api/v1/accounts/{await race.App.DefaultAccountIdAsync()}/webhooks";

    public async Task DisposeAsync() => await race.DisposeAsync();

    public static TheoryData<string> Changes => ["edit", "patch", "rotate", "delete"];

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Change_Answers404_WhenWebhookIsDeletedMeanwhile(string change)
    {
        var webhook = await race.App.Data.AddWebhookAsync(await race.App.DefaultAccountIdAsync(), "https://gone.example", secret: "s3cret");
        race.BeforeNextWrite.Run = () => race.App.Database.ExecuteAsync($"DELETE FROM \"Webhooks\" WHERE \"Id\" = '{webhook.Id.ToString().ToUpperInvariant()}'");
        var url = $"{webhooks}/{webhook.Id}";

        var answer = change switch
        {
            "edit" => await race.Client.SendDataAsync(HttpMethod.Post, url, new { uri = "https://still.example", hook = "*" }),
            "patch" => await race.Client.SendDataAsync(HttpMethod.Patch, url, new { enabled = false }),
            "rotate" => await race.Client.PostAsync(url + "/rotate_secret", null),
            _ => await race.Client.DeleteAsync(url),
        };

        Assert.Null(race.BeforeNextWrite.Run);
        var json = await AppFactory.ReadJsonAsync(answer);
        Assert.True(answer.StatusCode == HttpStatusCode.NotFound, $"{(int)answer.StatusCode}: {json.ToJsonString()}");
        ApiAssert.ErrorShape(json, 404);
    }
}
