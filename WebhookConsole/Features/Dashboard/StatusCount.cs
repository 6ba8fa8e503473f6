using WebhookConsole.Features.Deliveries;

namespace WebhookConsole.Features.Dashboard;

/// <summary>How many deliveries of one status a bucket holds, and how many of them are test sends.</summary>
internal sealed record StatusCount(DeliveryStatus Status, int Deliveries, int TestSends)
{
    public int Traffic => Deliveries - TestSends;
}
