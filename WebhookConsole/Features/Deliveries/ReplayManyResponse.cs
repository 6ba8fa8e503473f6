namespace WebhookConsole.Features.Deliveries;

/// <summary>Wire DTO of a bulk replay: <c>{"replayed": n}</c>.</summary>
internal sealed record ReplayManyResponse(int Replayed);
