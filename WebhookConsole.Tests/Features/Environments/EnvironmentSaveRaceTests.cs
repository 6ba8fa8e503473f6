using System.Net;
using Microsoft.EntityFrameworkCore;
using WebhookConsole.Features.Environments;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Environments;

/// <summary>
/// Another request changes the account after an environment's checks passed and before it is saved: the answer
/// names what changed instead of blaming the name.
/// </summary>
public sealed class EnvironmentSaveRaceTests : IAsyncLifetime
{
    private readonly InterceptedApp<WebhookEnvironment> race = new();
    private string environments = "";

    public async Task InitializeAsync() => environments = $"/api/v1/accounts/{await race.App.DefaultAccountIdAsync()}/environments";

    public async Task DisposeAsync() => await race.DisposeAsync();

    [Fact]
    public async Task Create_Answers400OnWebhooks_WhenWebhookIsDeletedMeanwhile()
    {
        var accountId = await race.App.DefaultAccountIdAsync();
        var webhook = await race.App.Data.AddWebhookAsync(accountId, "https://gone.example");
        race.BeforeNextWrite.Run = () => race.App.Database.ExecuteAsync($"DELETE FROM \"Webhooks\" WHERE \"Id\" = '{webhook.Id.ToString().ToUpperInvariant()}'");

        var answer = await race.Client.SendDataAsync(HttpMethod.Put, environments, new { name = "env-" + webhook.Id, webhooks = new[] { webhook.Id } });

        var error = await ApiAssert.FieldErrorAsync(answer, HttpStatusCode.BadRequest, "webhooks");
        Assert.Contains(webhook.Id.ToString(), error.ToJsonString());
        await using var db = race.App.Database.CreateContext();
        Assert.False(await db.Environments.AnyAsync(e => e.Name == "env-" + webhook.Id));
    }

    [Fact]
    public async Task Create_Answers409OnName_WhenNameIsTakenMeanwhile()
    {
        var accountId = await race.App.DefaultAccountIdAsync();
        var name = "env-" + Guid.NewGuid().ToString("N")[..8];
        race.BeforeNextWrite.Run = () => race.App.Data.AddEnvironmentAsync(accountId, name);

        var answer = await race.Client.SendDataAsync(HttpMethod.Put, environments, new { name });

        await ApiAssert.FieldErrorAsync(answer, HttpStatusCode.Conflict, "name");
    }

    [Fact]
    public async Task Rename_Answers404_WhenEnvironmentIsDeletedMeanwhile()
    {
        var accountId = await race.App.DefaultAccountIdAsync();
        var environment = await race.App.Data.AddEnvironmentAsync(accountId, "env-" + Guid.NewGuid().ToString("N")[..8]);
        race.BeforeNextWrite.Run = () => race.App.Database.ExecuteAsync($"DELETE FROM \"Environments\" WHERE \"Id\" = '{environment.Id.ToString().ToUpperInvariant()}'");

        var answer = await race.Client.SendDataAsync(HttpMethod.Patch, $"{environments}/{environment.Id}", new { name = environment.Name + "-2" });

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
    }

    [Fact]
    public async Task Delete_Answers404_WhenDeletedMeanwhile()
    {
        var accountId = await race.App.DefaultAccountIdAsync();
        var environment = await race.App.Data.AddEnvironmentAsync(accountId, "env-" + Guid.NewGuid().ToString("N")[..8]);
        race.BeforeNextWrite.Run = () => race.App.Database.ExecuteAsync($"DELETE FROM \"Environments\" WHERE \"Id\" = '{environment.Id.ToString().ToUpperInvariant()}'");

        var answer = await race.Client.DeleteAsync($"{environments}/{environment.Id}");

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        ApiAssert.ErrorShape(await AppFactory.ReadJsonAsync(answer), 404);
    }
}
