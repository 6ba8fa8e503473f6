using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WebhookConsole.Dispatching.Signing;
using WebhookConsole.Features.Accounts;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Data.Configurations;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.ToTable("Webhooks");
        builder.Property(w => w.Name).HasMaxLength(200);
        builder.Property(w => w.EventType).HasMaxLength(200);
        builder.Property(w => w.Method).HasMaxLength(8);
        builder.Property(w => w.Url).HasMaxLength(2048);
        builder.Property(w => w.Signing)
            .HasConversion(s => SigningSchemeNames.ToWire(s), s => ParseScheme(s))
            .HasMaxLength(16);
        builder.HasIndex(w => new { w.AccountId, w.CreatedAt });
        builder.HasOne<Account>().WithMany().HasForeignKey(w => w.AccountId).OnDelete(DeleteBehavior.Cascade);
    }

    private static SigningScheme ParseScheme(string wire) =>
        SigningSchemeNames.TryParse(wire, out var scheme) ? scheme : SigningScheme.Standard;
}
