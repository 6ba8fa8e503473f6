using WebhookConsole.Features.Deliveries;

namespace WebhookConsole.Components.Pages.Deliveries;

/// <summary>What the history asks before it replays the failed deliveries its filters match.</summary>
internal static class FailedReplayQuestion
{
    public static async Task<string> WriteAsync(DeliveryQueryService queries, Guid accountId, DeliveryFilter failed, int count,
        IEnumerable<WebhookLabel> disabledWebhooks, CancellationToken cancellationToken)
    {
        var noun = count == 1 ? "failed delivery" : "failed deliveries";
        var tests = failed.Test switch
        {
            true => count,
            false => 0,
            null => await queries.CountAsync(accountId, failed with { Test = true }, cancellationToken),
        };
        return $"Replay {count} {noun} matching the current filters? Each becomes a new delivery of the same event to the same webhook."
            + TestSendNote(tests, count)
            + await DisabledWarningAsync(queries, accountId, failed, disabledWebhooks, othersToo: tests > 0, cancellationToken);
    }

    /// <summary>A test send's replay is a test send again, which goes out even to a disabled webhook.</summary>
    private static string TestSendNote(int tests, int count)
    {
        const string Consequence = "replayed as a test send: one attempt, sent even to a disabled webhook.";
        return tests switch
        {
            0 => "",
            _ when count == 1 => " It is a test send, " + Consequence,
            _ when tests == count => " All of them are test sends, each " + Consequence,
            1 => " 1 of them is a test send, " + Consequence,
            _ => $" {tests} of them are test sends, each " + Consequence,
        };
    }

    /// <summary>
    /// A replay to a disabled webhook fails at once without a request, unless it is a test send: the admin hears of it
    /// before confirming, not from a new column of failures after.
    /// </summary>
    private static async Task<string> DisabledWarningAsync(DeliveryQueryService queries, Guid accountId, DeliveryFilter failed,
        IEnumerable<WebhookLabel> disabledWebhooks, bool othersToo, CancellationToken cancellationToken)
    {
        if (failed.Test == true)
        {
            return "";
        }
        var affected = new List<(WebhookLabel Webhook, int Count)>();
        foreach (var webhook in disabledWebhooks.Where(w => failed.WebhookId is null || failed.WebhookId == w.Id))
        {
            var count = await queries.CountAsync(accountId, failed with { WebhookId = webhook.Id, Test = false }, cancellationToken);
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
        return $" {total} of {(othersToo ? "the others" : "them")} {(total == 1 ? "is" : "are")} for disabled {(affected.Count == 1 ? "webhook" : "webhooks")} {names}: "
            + "those fail again at once, without a request, unless the webhook is re-enabled first.";
    }
}
