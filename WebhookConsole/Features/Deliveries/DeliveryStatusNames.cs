namespace WebhookConsole.Features.Deliveries;

/// <summary>A delivery status by its name, as filters in the API and the console's query string give it.</summary>
internal static class DeliveryStatusNames
{
    /// <summary>
    /// One of pending, retrying, succeeded, failed, in any case. Not <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/>:
    /// it also reads numbers and comma lists as flags, so "retrying,succeeded" (1 | 2) came out as failed.
    /// </summary>
    public static bool TryParse(string? text, out DeliveryStatus status)
    {
        foreach (var candidate in Enum.GetValues<DeliveryStatus>())
        {
            if (string.Equals(text, candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }
        status = default;
        return false;
    }
}
