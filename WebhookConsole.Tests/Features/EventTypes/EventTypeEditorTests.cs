using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Api;
using WebhookConsole.Features.EventTypes;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.EventTypes;

[Collection(AppCollection.Name)]
public sealed class EventTypeEditorTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    private EventTypeEditor Editor => fixture.App.Services.GetRequiredService<EventTypeEditor>();

    private static string NewName() => "call.tagged." + Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task Create_RefusesTheSampleAndStoresNothing_WhenItHoldsHalfASurrogatePair()
    {
        var errors = new FieldErrors();
        var before = await fixture.App.Data.CountAsync<EventType>();

        var type = await Editor.CreateAsync(new EventTypeInput(NewName(), "Tagged", "{\n  \"tag\": \"\\ud83d\"\n}"), errors, CancellationToken.None);

        Assert.Null(type);
        Assert.Equal(
            "Not valid JSON at line 2, column 10: the text holds half of a UTF-16 surrogate pair (a \\ud800 to \\udfff escape without its other half).",
            errors.Items["sample"]["json"]);
        Assert.Equal(before, await fixture.App.Data.CountAsync<EventType>());
    }

    [Fact]
    public async Task Create_KeepsTheSample_WhenItHoldsAWholeSurrogatePair()
    {
        var errors = new FieldErrors();

        var type = await Editor.CreateAsync(new EventTypeInput(NewName(), "Tagged", """{"tag": "\ud83d\ude00"}"""), errors, CancellationToken.None);

        Assert.Empty(errors.Items);
        Assert.Contains("\U0001F600", System.Text.Json.Nodes.JsonNode.Parse(type!.SampleJson)!["tag"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_StoresTheSampleAsTyped_NotEscapedToAscii()
    {
        var errors = new FieldErrors();

        var type = await Editor.CreateAsync(new EventTypeInput(NewName(), "Tagged", """{"who": "José <b>", "said": "\"hi\" 😀"}"""), errors, CancellationToken.None);

        Assert.Empty(errors.Items);
        Assert.Contains("\"José <b>\"", type!.SampleJson);
        Assert.Contains("\"\\\"hi\\\" ", type.SampleJson);
    }

    /// <summary>A sample of <paramref name="levels"/> objects, each inside the one before.</summary>
    private static string Nested(int levels) =>
        string.Concat(Enumerable.Repeat("{\"a\": ", levels - 1)) + "{}" + new string('}', levels - 1);

    [Fact]
    public async Task Create_KeepsTheSample_WhenItNestsAsDeepAsCustomDataMay()
    {
        var errors = new FieldErrors();

        var type = await Editor.CreateAsync(new EventTypeInput(NewName(), "Deep", Nested(32)), errors, CancellationToken.None);

        Assert.Empty(errors.Items);
        Assert.NotNull(type);
    }

    [Theory]
    [InlineData(33)]
    [InlineData(65)]
    [InlineData(500)]
    public async Task CreateAndUpdate_RefuseTheSampleAndStoreNothing_WhenItNestsDeeperThanCustomDataMay(int levels)
    {
        var existing = await Editor.CreateAsync(new EventTypeInput(NewName(), "Kept", """{"kept": true}"""), new FieldErrors(), CancellationToken.None);
        var before = await fixture.App.Data.SnapshotAsync();
        var created = new FieldErrors();
        var updated = new FieldErrors();

        var type = await Editor.CreateAsync(new EventTypeInput(NewName(), "Deep", Nested(levels)), created, CancellationToken.None);
        var edited = await Editor.UpdateAsync(existing!.Id, new EventTypeInput(null, "Deep", Nested(levels)), updated, CancellationToken.None);

        Assert.Null(type);
        Assert.Null(edited);
        Assert.Equal("The sample is refused at line 1, column 193: it nests deeper than 32 levels.", created.Items["sample"]["json"]);
        Assert.Equal(created.Items["sample"]["json"], updated.Items["sample"]["json"]);
        Assert.Equal(before, await fixture.App.Data.SnapshotAsync());
    }
}
