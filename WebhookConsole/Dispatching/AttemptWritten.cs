namespace WebhookConsole.Dispatching;

/// <summary>What the transaction of one attempt did.</summary>
/// <param name="Owned">This node still held the delivery's lease and moved it on; the attempt is stored either way.</param>
/// <param name="DisabledWebhook">This attempt switched its webhook off (it was enabled until then).</param>
internal readonly record struct AttemptWritten(bool Owned, bool DisabledWebhook);
