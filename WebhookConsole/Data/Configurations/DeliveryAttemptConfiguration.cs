using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WebhookConsole.Features.Deliveries;

namespace WebhookConsole.Data.Configurations;

internal sealed class DeliveryAttemptConfiguration : IEntityTypeConfiguration<DeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<DeliveryAttempt> builder)
    {
        builder.ToTable("Attempts");
        builder.Property(a => a.RequestMethod).HasMaxLength(8);
        builder.Property(a => a.Error).HasMaxLength(2000);
        builder.Property(a => a.SentBy).HasMaxLength(100);
        builder.HasOne<Delivery>().WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.DeliveryId, a.Number });
        builder.HasIndex(a => new { a.AccountId, a.CreatedAt });
        // Carries the duration so the dashboard's latency sample (a webhook's latest attempts) never reads the large rows.
        builder.HasIndex(a => new { a.WebhookId, a.CreatedAt, a.DurationMs });
    }
}
