using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WebhookConsole.Features.EventTypes;

namespace WebhookConsole.Data.Configurations;

internal sealed class EventTypeConfiguration : IEntityTypeConfiguration<EventType>
{
    public void Configure(EntityTypeBuilder<EventType> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Source).HasMaxLength(100);
        builder.Property(t => t.Description).HasMaxLength(2000);
        builder.HasIndex(t => t.Name).IsUnique();
    }
}
