using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Api;
using WebhookConsole.Features.EventTypes;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.EventTypes;

/// <summary>An event type deleted in another tab while this one edits or deletes it: the page is told it is gone.</summary>
public sealed class EventTypeEditorRaceTests : IAsyncLifetime
{
    private readonly AppFactory app = new();
    private readonly BeforeNextWrite<EventType> beforeNextWrite = new();
    private WebApplicationFactory<Program> served = null!;

    private EventTypeEditor Editor => served.Services.GetRequiredService<EventTypeEditor>();

    public Task InitializeAsync()
    {
        served = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(beforeNextWrite)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await served.DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Update_SaysItNoLongerExists_WhenDeletedMeanwhile()
    {
        var type = await CreateAsync();
        beforeNextWrite.Run = () => DeleteOutsideAsync(type);
        var errors = new FieldErrors();

        var updated = await Editor.UpdateAsync(type.Id, new EventTypeInput(type.Name, "Changed", type.SampleJson), errors, CancellationToken.None);

        Assert.Null(updated);
        Assert.Equal("This event type no longer exists.", errors.Items["id"]["not_found"]);
    }

    [Fact]
    public async Task Delete_SaysItNoLongerExists_WhenDeletedMeanwhile()
    {
        var type = await CreateAsync();
        beforeNextWrite.Run = () => DeleteOutsideAsync(type);

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
        app.Database.ExecuteAsync($"DELETE FROM \"EventTypes\" WHERE \"Id\" = '{type.Id.ToString().ToUpperInvariant()}'");
}
