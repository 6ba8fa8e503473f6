namespace WebhookConsole.Bench;

/// <summary>An accepted event: its delivery ids and the <see cref="System.Diagnostics.Stopwatch"/> timestamp of its 202.</summary>
internal sealed record PostedEvent(IReadOnlyList<string> DeliveryIds, long AcceptedAt);
