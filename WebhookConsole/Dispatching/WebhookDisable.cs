namespace WebhookConsole.Dispatching;

/// <summary>
/// How a failed delivery may switch its webhook off, in the transaction that records its attempt
/// (<see cref="AttemptWriter"/>): once the webhook's count of deliveries failed in a row, this one included, is at
/// least <see cref="AtFailures"/>. A 410 Gone asks for 0, which every count meets: off at once.
/// </summary>
internal sealed record WebhookDisable(string Reason, int AtFailures);
