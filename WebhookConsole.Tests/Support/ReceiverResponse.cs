namespace WebhookConsole.Tests.Support;

/// <summary>What the test receiver answers to one request.</summary>
public sealed record ReceiverResponse(int StatusCode, string Body = "ok", TimeSpan Delay = default, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static readonly ReceiverResponse Ok = new(200);
}
