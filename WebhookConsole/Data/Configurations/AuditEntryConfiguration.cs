using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WebhookConsole.Features.Audit;

namespace WebhookConsole.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(e => e.Actor).HasMaxLength(AuditEntryLimits.Actor);
        builder.Property(e => e.Action).HasMaxLength(AuditEntryLimits.Action);
        builder.Property(e => e.EntityType).HasMaxLength(AuditEntryLimits.EntityType);
        builder.Property(e => e.EntityId).HasMaxLength(AuditEntryLimits.EntityId);
        builder.Property(e => e.EntityName).HasMaxLength(AuditEntryLimits.EntityName);
        // No foreign key to the account: the log outlives what it describes.

        // The audit page: newest first, alone or by one filter.
        builder.HasIndex(e => new { e.AccountId, e.OccurredAt }).IsDescending(false, true);
        builder.HasIndex(e => new { e.AccountId, e.EntityType, e.OccurredAt }).IsDescending(false, false, true);
        builder.HasIndex(e => new { e.AccountId, e.Action, e.OccurredAt }).IsDescending(false, false, true);
        builder.HasIndex(e => new { e.AccountId, e.Actor, e.OccurredAt }).IsDescending(false, false, true);
        builder.HasIndex(e => new { e.EntityId, e.OccurredAt }).IsDescending(false, true);
    }
}
