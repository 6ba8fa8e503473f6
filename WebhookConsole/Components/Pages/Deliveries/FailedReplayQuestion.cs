using WebhookConsole.Features.Deliveries;

namespace WebhookConsole.Components.Pages.Deliveries;

/// <summary>What the history asks before it replays the failed deliveries its filters match.</summary>
internal static class FailedReplayQuestion
{
    public static async Task<string> WriteAsync(DeliveryQueryService queries, Guid accountId, DeliveryFilter failed, int count,
        IEnumerable<WebhookLabel> disabledWebhooks, CancellationToken cancellationToken)
    {
        var noun = count == 1 ? "failed delivery" : "failed deliveries";
        return $"Replay {count} {noun} matching the current filters? Each becomes a new delivery of the same event to the same webhook."
            + await DisabledWarningAsync(queries, accountId, failed, disabledWebhooks, cancellationToken);
    }

    /// <summary>
    /// A replay to a disabled webhook fails at once without a request: the admin hears of it before confirming, not
    /// from a new column of failures after.
    /// </summary>
    private static async Task<string> DisabledWarningAsync(DeliveryQueryService queries, Guid accountId, DeliveryFilter failed,
        IEnumerable<WebhookLabel> disabledWebhooks, CancellationToken cancellationToken)
    {
        var affected = new List<(WebhookLabel Webhook, int Count)>();
        foreach (var webhook in disabledWebhooks.Where(w => failed.WebhookId is null || failed.WebhookId == w.Id))
        {
            var count = await queries.CountAsync(accountId, failed with { WebhookId = webhook.Id }, cancellationToken);
            if (count > 0)
            {
                affected.Add((webhook, count));
            }
        }
        if (affected.Count == 0)
        {
            return "";
        }
        var total = affected.Sum(a => a.Count);
        var names = string.Join(", ", affected.Select(a => $"'{a.Webhook.Text}'"));
        return $" {total} of them {(total == 1 ? "is" : "are")} for disabled {(affected.Count == 1 ? "webhook" : "webhooks")} {names}: "
            + "those fail again at once, without a request, unless the webhook is re-enabled first.";
    }
}
