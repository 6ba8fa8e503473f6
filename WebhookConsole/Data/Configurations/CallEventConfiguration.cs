using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WebhookConsole.Features.Accounts;
using WebhookConsole.Features.Events;

namespace WebhookConsole.Data.Configurations;

internal sealed class CallEventConfiguration : IEntityTypeConfiguration<CallEvent>
{
    public void Configure(EntityTypeBuilder<CallEvent> builder)
    {
        builder.ToTable("Events");
        builder.Property(e => e.EventId).HasMaxLength(200);
        builder.Property(e => e.EventType).HasMaxLength(200);
        builder.Property(e => e.EnvironmentName).HasMaxLength(200);
        // Idempotent ingest: a repeated id of the same account is caught here, even under a race.
        builder.HasIndex(e => new { e.AccountId, e.EventId }).IsUnique();
        // The dashboard counts an account's events over a period; retention finds each account's oldest by it.
        builder.HasIndex(e => new { e.AccountId, e.ReceivedAt });
        builder.HasOne<Account>().WithMany().HasForeignKey(e => e.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
