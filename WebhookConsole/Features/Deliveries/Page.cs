namespace WebhookConsole.Features.Deliveries;

/// <summary>Items of one page, and the key of the next page (null on the last).</summary>
internal sealed record Page<T>(IReadOnlyList<T> Items, PageKey? Next);
