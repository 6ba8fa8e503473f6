using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using WebhookConsole.Dispatching.Templates;

namespace WebhookConsole.Bench.Micro;

/// <summary>Rendering one body: the default envelope, and a template with typed and interpolated placeholders.</summary>
/// <remarks>Public and unsealed because BenchmarkDotNet requires it of benchmark classes.</remarks>
[MemoryDiagnoser]
public class TemplateRendererBenchmarks
{
    private const string Template =
        """{"call": "{{ uuid }}", "seconds": "{{ duration }}", "line": "Call {{ uuid }} from {{ caller_id_number }} took {{ duration }} s", "who": "{{ meta.environment }}", "cause": "{{ cause | downcase }}"}""";

    private readonly TemplateRenderer renderer = new();
    private TemplateInput input = null!;

    [GlobalSetup]
    public void Setup()
    {
        var data = JsonNode.Parse("""
            {"direction": "inbound", "uuid": "bfd7-42", "type": "call", "created_at": "2024-07-30T14:35:00Z",
             "contact_number": "+15551234567", "caller_id_number": "+15557654321", "duration": 60, "ring_duration": 4,
             "destination": "1001", "user_fullname": "Ada Lovelace", "cause": "NORMAL_CLEARING", "sip_status": 200}
            """)!.AsObject();
        input = new TemplateInput("Call:Hangup", "evt-42", new DateTime(2024, 7, 30, 14, 35, 0, DateTimeKind.Utc), "ITD2024",
            Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), data,
            JsonNode.Parse("""{"crm": "acme"}""")!.AsObject());
        renderer.Render(Template, input);
    }

    [Benchmark(Baseline = true)]
    public JsonObject Envelope() => renderer.Render(null, input);

    [Benchmark]
    public JsonObject Template_() => renderer.Render(Template, input);
}
