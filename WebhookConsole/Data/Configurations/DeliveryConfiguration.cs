using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.Events;

namespace WebhookConsole.Data.Configurations;

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.Property(d => d.EventType).HasMaxLength(200);
        builder.Property(d => d.LeaseOwner).HasMaxLength(100);
        builder.Property(d => d.LastError).HasMaxLength(2000);
        builder.Ignore(d => d.IsFinished);
        builder.HasOne<CallEvent>().WithMany().HasForeignKey(d => d.CallEventId).OnDelete(DeleteBehavior.Cascade);

        // The recovery sweep looks for due work. Only unfinished deliveries have a next attempt, so the index holds
        // the outbox's open work alone: it stays small, and a delivery leaves it when its last attempt is recorded.
        builder.HasIndex(d => d.NextAttemptAt).HasFilter("\"NextAttemptAt\" IS NOT NULL");
        // The history page: newest first, alone or by one filter.
        builder.HasIndex(d => new { d.AccountId, d.CreatedAt });
        // Also counts the dashboard's buckets: equality on account and status, a range of CreatedAt, all in the index.
        builder.HasIndex(d => new { d.AccountId, d.Status, d.CreatedAt, d.IsTest });
        builder.HasIndex(d => new { d.AccountId, d.WebhookId, d.CreatedAt });
        builder.HasIndex(d => new { d.AccountId, d.EventType, d.CreatedAt });
        builder.HasIndex(d => new { d.AccountId, d.EnvironmentId, d.CreatedAt });
        // The dashboard: a webhook's outcomes over a period, and its latest failure, from the index alone.
        builder.HasIndex(d => new { d.AccountId, d.WebhookId, d.Status, d.CreatedAt, d.IsTest });
        // "Test sends only": test sends are one per click, a thousandth of a busy history, and no other index starts
        // with IsTest, so the filter read the account's whole history to count them. A partial index holds them alone
        // and costs every other delivery nothing; IsTest is in it so a count reads the index only.
        builder.HasIndex(d => new { d.AccountId, d.CreatedAt, d.IsTest }).HasFilter("\"IsTest\"");
        builder.HasIndex(d => d.CallEventId);
        // Replays are few: the rest of the deliveries need no entry.
        builder.HasIndex(d => d.ReplayOfId).HasFilter("\"ReplayOfId\" IS NOT NULL");
    }
}
