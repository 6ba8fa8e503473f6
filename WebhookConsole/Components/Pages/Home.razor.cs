using Microsoft.EntityFrameworkCore;
using WebhookConsole.Features.Deliveries;

namespace WebhookConsole.Components.Pages;

public partial class Home
{
    private List<(string Label, int Value)>? stats;

    protected override async Task OnInitializedAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        var byStatus = await db.Deliveries
            .GroupBy(d => d.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count);
        stats =
        [
            ("Webhooks", await db.Webhooks.CountAsync()),
            ("Events", await db.Events.CountAsync()),
            ("Delivered", byStatus.GetValueOrDefault(DeliveryStatus.Succeeded)),
            ("Failed", byStatus.GetValueOrDefault(DeliveryStatus.Failed)),
        ];
    }
}
