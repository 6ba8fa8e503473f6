using System.Text.Json;
using WebhookConsole.Features.EventTypes;
using Xunit;

namespace WebhookConsole.Tests.Features.EventTypes;

/// <summary>The seeded catalogue: the names SPEC section 2 fixes, and samples that are usable payloads.</summary>
public sealed class EventTypeSeedsTests
{
    private static readonly string[] SpecNames =
    [
        "Call:Ringing", "Call:Answer", "Call:Hangup", "Call:Reporting", "Ivr:Start", "Ivr:End",
        "channel_create", "channel_answer", "channel_destroy",
        "call.status", "call.propertyChange.notes", "call.propertyChange.call_reason",
        "call.propertyChange.call_outcome", "call.recording",
        "call.completed", "call.failed",
        "call.started", "call.ended", "call.transferred",
        "agent.response", "agent.function_called", "agent.error",
        "workflow.started", "workflow.node_executed", "workflow.completed", "workflow.error",
        "campaign.started", "campaign.call_completed", "campaign.completed",
    ];

    private static readonly string[] VoipappzCallFields =
    [
        "direction", "uuid", "type", "created_at", "contact_number", "caller_id_number", "duration",
        "ring_duration", "destination", "start_at", "answer_at", "environment_name", "user_fullname",
        "user_name", "extension_username", "cause", "sip_status", "recording_url", "duration_time",
        "billing_duration", "billing_duration_time", "did_number", "did_name", "queue_disposition",
        "ivr_name", "call_state", "queue_name",
    ];

    private static readonly string[] FrejunNames =
    [
        "call.status", "call.propertyChange.notes", "call.propertyChange.call_reason",
        "call.propertyChange.call_outcome", "call.recording",
    ];

    private static readonly string[] KnownSources =
        ["voipappz", "WIRECLOUD", "FreJun", "Volubile", "Freyavoice", "Volubile, Freyavoice"];

    // Ingest refuses duplicate keys, so a sample must not carry one either (FreJun's document repeats call_creator).
    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false };

    public static TheoryData<string> AllNames => new(SpecNames);

    public static TheoryData<string> CallNames => new(SpecNames.Where(n => n.StartsWith("Call:", StringComparison.Ordinal)));

    public static TheoryData<string> FrejunEventNames => new(FrejunNames);

    [Fact]
    public void All_ContainsExactlySpecNames_InOrder()
    {
        var names = EventTypeSeeds.All.Select(s => s.Name).ToArray();

        Assert.Equal(SpecNames, names);
    }

    [Fact]
    public void All_HasNoDuplicateNames()
    {
        var duplicates = EventTypeSeeds.All
            .GroupBy(s => s.Name, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key);

        Assert.Empty(duplicates);
    }

    [Theory]
    [MemberData(nameof(AllNames))]
    public void SampleJson_IsJsonObject_ForEverySeed(string name)
    {
        var seed = Seed(name);

        using var sample = JsonDocument.Parse(seed.SampleJson, StrictJson);

        Assert.Equal(JsonValueKind.Object, sample.RootElement.ValueKind);
        Assert.NotEmpty(sample.RootElement.EnumerateObject());
    }

    [Theory]
    [MemberData(nameof(AllNames))]
    public void Description_IsNotEmpty_ForEverySeed(string name)
    {
        var seed = Seed(name);

        Assert.False(string.IsNullOrWhiteSpace(seed.Description));
    }

    [Theory]
    [MemberData(nameof(AllNames))]
    public void Source_IsAKnownVendor_ForEverySeed(string name)
    {
        var seed = Seed(name);

        Assert.Contains(seed.Source, KnownSources);
    }

    [Fact]
    public void Source_NamesBothVendors_ForSharedCallFailed()
    {
        Assert.Equal("Volubile, Freyavoice", Seed("call.failed").Source);
    }

    [Theory]
    [MemberData(nameof(CallNames))]
    public void SampleJson_HasEveryVoipappzField_WhenCallEvent(string name)
    {
        using var sample = JsonDocument.Parse(Seed(name).SampleJson, StrictJson);

        var fields = sample.RootElement.EnumerateObject().Select(p => p.Name);

        Assert.Empty(VoipappzCallFields.Except(fields, StringComparer.Ordinal));
        Assert.Equal("ITD2024", sample.RootElement.GetProperty("environment_name").GetString());
    }

    [Fact]
    public void SampleJson_IsNotAnsweredYet_WhenCallRinging()
    {
        using var sample = JsonDocument.Parse(Seed("Call:Ringing").SampleJson);
        var root = sample.RootElement;

        Assert.Equal(JsonValueKind.Null, root.GetProperty("answer_at").ValueKind);
        Assert.Equal(0, root.GetProperty("duration").GetInt32());
        Assert.Equal("ringing", root.GetProperty("call_state").GetString());
    }

    [Theory]
    [MemberData(nameof(FrejunEventNames))]
    public void SampleJson_EventEqualsName_WhenFrejunEvent(string name)
    {
        var seed = Seed(name);

        using var sample = JsonDocument.Parse(seed.SampleJson, StrictJson);

        Assert.Equal("FreJun", seed.Source);
        Assert.Equal(name, sample.RootElement.GetProperty("event").GetString());
    }

    private static EventTypeSeed Seed(string name) => Assert.Single(EventTypeSeeds.All, s => s.Name == name);
}
