namespace WebhookConsole.Features.Dashboard;

internal static class SuccessRates
{
    /// <summary>
    /// The succeeded share of finished deliveries, 0–1. Deliveries still pending or retrying are left out:
    /// counting them as failures would make a busy hour look broken.
    /// </summary>
    public static double? Of(int succeeded, int failed) =>
        succeeded + failed == 0 ? null : (double)succeeded / (succeeded + failed);
}
