using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WebhookConsole.Features.Environments;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Data.Configurations;

internal sealed class EnvironmentSubscriptionConfiguration : IEntityTypeConfiguration<EnvironmentSubscription>
{
    public void Configure(EntityTypeBuilder<EnvironmentSubscription> builder)
    {
        builder.HasKey(s => new { s.EnvironmentId, s.WebhookId });
        builder.HasIndex(s => s.WebhookId);
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(s => s.WebhookId).OnDelete(DeleteBehavior.Cascade);
    }
}
