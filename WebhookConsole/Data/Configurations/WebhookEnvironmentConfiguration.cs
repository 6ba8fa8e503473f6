using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WebhookConsole.Features.Accounts;
using WebhookConsole.Features.Environments;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Data.Configurations;

internal sealed class WebhookEnvironmentConfiguration : IEntityTypeConfiguration<WebhookEnvironment>
{
    public void Configure(EntityTypeBuilder<WebhookEnvironment> builder)
    {
        builder.ToTable("Environments");
        builder.Property(e => e.Name).HasMaxLength(200);
        // Names are unique per account and case-sensitive (SQLite's default BINARY collation).
        builder.HasIndex(e => new { e.AccountId, e.Name }).IsUnique();
        builder.HasOne<Account>().WithMany().HasForeignKey(e => e.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Subscriptions).WithOne().HasForeignKey(s => s.EnvironmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
