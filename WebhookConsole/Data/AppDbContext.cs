using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using WebhookConsole.Features.Accounts;
using WebhookConsole.Features.Audit;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.Environments;
using WebhookConsole.Features.Events;
using WebhookConsole.Features.EventTypes;
using WebhookConsole.Features.Identity;
using WebhookConsole.Features.Tokens;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Data;

internal class AppDbContext : IdentityDbContext<AdminUser>, IDataProtectionKeyContext
{
    public AppDbContext(DbContextOptions<AppDbContext> options)
        : base(options)
    {
    }

    /// <summary>For the migrations-only context of another provider (see <see cref="PostgresMigrationsContext"/>).</summary>
    protected AppDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<WebhookEnvironment> Environments => Set<WebhookEnvironment>();
    public DbSet<EnvironmentSubscription> EnvironmentSubscriptions => Set<EnvironmentSubscription>();
    public DbSet<EventType> EventTypes => Set<EventType>();
    public DbSet<WebhookEndpoint> Webhooks => Set<WebhookEndpoint>();
    public DbSet<CallEvent> Events => Set<CallEvent>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<DeliveryAttempt> Attempts => Set<DeliveryAttempt>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime in the model is UTC; reading one back must say so.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
