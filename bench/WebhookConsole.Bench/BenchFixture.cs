using Microsoft.EntityFrameworkCore;
using WebhookConsole.Data;
using WebhookConsole.Dispatching;
using WebhookConsole.Dispatching.Signing;
using WebhookConsole.Features.Environments;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Bench;

/// <summary>
/// What the scenarios post against: environment <see cref="SingleEnvironment"/> subscribes one webhook,
/// <see cref="FanOutEnvironment"/> ten, <see cref="RetryEnvironment"/> one whose receiver fails each delivery's first
/// request, every one a signed POST of the default envelope to the receiver.
/// </summary>
internal sealed record BenchFixture(Guid AccountId, Guid FanOutEnvironmentId, IReadOnlyList<Guid> FanOutWebhookIds)
{
    public const string SingleEnvironment = "bench-1";
    public const string FanOutEnvironment = "bench-10";
    public const string RetryEnvironment = "bench-retry";
    public const int FanOut = 10;

    public static async Task<BenchFixture> CreateAsync(IServiceProvider services, string receiverUrl)
    {
        var protector = services.GetRequiredService<SecretProtector>();
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var accountId = await db.Accounts.OrderBy(a => a.CreatedAt).Select(a => a.Id).FirstAsync();
        var now = DateTime.UtcNow;

        WebhookEndpoint Webhook(string path) => new()
        {
            Id = Guid.CreateVersion7(),
            AccountId = accountId,
            Name = "bench " + path,
            EventType = "Call:Hangup",
            Url = receiverUrl + path,
            Signing = SigningScheme.Standard,
            SecretProtected = protector.Protect(WebhookSecrets.Generate(SigningScheme.Standard)),
            CreatedAt = now,
            UpdatedAt = now,
        };
        WebhookEnvironment Environment(string name, IEnumerable<WebhookEndpoint> webhooks)
        {
            var environment = new WebhookEnvironment { Id = Guid.CreateVersion7(), AccountId = accountId, Name = name, CreatedAt = now, UpdatedAt = now };
            environment.Subscriptions.AddRange(webhooks.Select(w => new EnvironmentSubscription { EnvironmentId = environment.Id, WebhookId = w.Id }));
            return environment;
        }

        var single = Webhook("/single");
        var fanOut = Enumerable.Range(0, FanOut).Select(i => Webhook($"/fan-out/{i}")).ToList();
        var fanOutEnvironment = Environment(FanOutEnvironment, fanOut);
        var failsOnce = Webhook(BenchReceiver.FailsOncePath);
        db.Webhooks.AddRange([single, .. fanOut, failsOnce]);
        db.Environments.AddRange(Environment(SingleEnvironment, [single]), fanOutEnvironment, Environment(RetryEnvironment, [failsOnce]));
        await db.SaveChangesAsync();
        return new BenchFixture(accountId, fanOutEnvironment.Id, fanOut.Select(w => w.Id).ToList());
    }
}
