using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Api;
using WebhookConsole.Features.EventTypes;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.EventTypes;

/// <summary>An event type deleted in another tab while this one edits or deletes it: the page is told it is gone.</summary>
public sealed class EventTypeEditorRaceTests : IAsyncLifetime
{
    private readonly InterceptedApp<EventType> race = new();

    private EventTypeEditor Editor => race.Served.Services.GetRequiredService<EventTypeEditor>();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await race.DisposeAsync();

    [Fact]
    public async Task Update_SaysItNoLongerExists_WhenDeletedMeanwhile()
    {
        var type = await CreateAsync();
        race.BeforeNextWrite.Run = () => DeleteOutsideAsync(type);
        var errors = new FieldErrors();

        var updated = await Editor.UpdateAsync(type.Id, new EventTypeInput(type.Name, "Changed", type.SampleJson), errors, CancellationToken.None);

        Assert.Null(updated);
        Assert.Equal("This event type no longer exists.", errors.Items["id"]["not_found"]);
    }

    [Fact]
    public async Task Delete_SaysItNoLongerExists_WhenDeletedMeanwhile()
    {
        var type = await CreateAsync();
        race.BeforeNextWrite.Run = () => DeleteOutsideAsync(type);

        var refusal = await Editor.DeleteAsync(type.Id, CancellationToken.None);

        Assert.Equal("This event type no longer exists.", refusal);
    }

    private async Task<EventType> CreateAsync()
    {
        var errors = new FieldErrors();
        var name = "call.raced." + Guid.NewGuid().ToString("N")[..6];
        var type = await Editor.CreateAsync(new EventTypeInput(name, "Raced", """{"call": 1}"""), errors, CancellationToken.None);
        Assert.Empty(errors.Items);
        return type!;
    }

    private Task DeleteOutsideAsync(EventType type) =>
        race.App.Database.ExecuteAsync($"DELETE FROM \"EventTypes\" WHERE \"Id\" = '{type.Id.ToString().ToUpperInvariant()}'");
}
