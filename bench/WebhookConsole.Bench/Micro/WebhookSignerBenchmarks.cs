using BenchmarkDotNet.Attributes;
using WebhookConsole.Dispatching.Signing;

namespace WebhookConsole.Bench.Micro;

/// <summary>Signing one 1 KiB body with each scheme, and with a rotated standard secret still in its grace period.</summary>
/// <remarks>Public and unsealed because BenchmarkDotNet requires it of benchmark classes.</remarks>
[MemoryDiagnoser]
public class WebhookSignerBenchmarks
{
    private const string Url = "https://hooks.example.com/calls?source=pbx";
    private static readonly string WebhookId = Guid.NewGuid().ToString();
    private static readonly string Body = "{\"event\":\"Call:Hangup\",\"data\":{\"uuid\":\"" + new string('x', 1000) + "\"}}";

    private readonly WebhookSigner signer = new();
    private readonly string[] standard = [WebhookSecrets.Generate(SigningScheme.Standard)];
    private readonly string[] rotated = [WebhookSecrets.Generate(SigningScheme.Standard), WebhookSecrets.Generate(SigningScheme.Standard)];
    private readonly string[] plain = [WebhookSecrets.Generate(SigningScheme.Hex)];

    [Benchmark(Baseline = true)]
    public KeyValuePair<string, string>? Standard() => signer.Sign(SigningScheme.Standard, standard, WebhookId, 1722350100, "POST", Url, Body);

    [Benchmark]
    public KeyValuePair<string, string>? StandardRotated() => signer.Sign(SigningScheme.Standard, rotated, WebhookId, 1722350100, "POST", Url, Body);

    [Benchmark]
    public KeyValuePair<string, string>? Frejun() => signer.Sign(SigningScheme.Frejun, plain, WebhookId, 1722350100, "POST", Url, Body);

    [Benchmark]
    public KeyValuePair<string, string>? Hex() => signer.Sign(SigningScheme.Hex, plain, WebhookId, 1722350100, "POST", Url, Body);
}
