namespace WebhookConsole.Api;

/// <summary>The WIRECLOUD response envelope: <c>{"data": ..., "status": "success", "request_id": "..."}</c>.</summary>
internal sealed record ApiEnvelope<T>(T Data, string RequestId)
{
    public string Status => "success";
}
