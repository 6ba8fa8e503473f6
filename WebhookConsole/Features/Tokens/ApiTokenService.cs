using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebhookConsole.Api;
using WebhookConsole.Data;
using WebhookConsole.Features.Audit;
using WebhookConsole.Features.Bootstrap;

namespace WebhookConsole.Features.Tokens;

internal sealed class ApiTokenService
{
    public const string BootstrapTokenName = "bootstrap";
    // The length the database holds (ApiTokenConfiguration).
    public const int MaxNameLength = 200;
    private const string TokenPrefix = "wc_";

    /// <summary>
    /// How long a token's caller is remembered: a revocation takes effect at once on the node that made it and, told
    /// through <see cref="ApiTokenChanges"/>, on the other nodes; should that news be lost, within this time.
    /// </summary>
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(5);

    private readonly IDbContextFactory<AppDbContext> dbFactory;
    private readonly TimeProvider time;
    private readonly IOptions<BootstrapOptions> bootstrap;
    private readonly AuditLog audit;
    private readonly ApiTokenChanges changes;

    // Every API request authenticates; remembering known tokens briefly saves a hash lookup in the database each time.
    private readonly ExpiringCache<string, ApiCaller?> callers;

    public ApiTokenService(
        IDbContextFactory<AppDbContext> dbFactory,
        TimeProvider time,
        IOptions<BootstrapOptions> bootstrap,
        AuditLog audit,
        ApiTokenChanges changes)
    {
        this.dbFactory = dbFactory;
        this.time = time;
        this.bootstrap = bootstrap;
        this.audit = audit;
        this.changes = changes;
        callers = new(CacheLifetime, time);
        changes.Changed += callers.Clear;
    }

    /// <summary>Tokens are long random strings, so a plain SHA-256 is enough to make the stored value useless.</summary>
    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>
    /// The start of a token shown to tell tokens apart: eight characters at most, and never more than a quarter of
    /// the token, so that a short bootstrap token of an admin's choosing is not shown nearly whole.
    /// </summary>
    public static string VisiblePrefix(string plain) => plain[..Math.Min(8, plain.Length / 4)];

    /// <summary>
    /// Creates a token and returns it in clear text: the only time it is ever shown. Answers null with a fault on
    /// <c>name</c> in <paramref name="errors"/> when the name is refused.
    /// </summary>
    public async Task<(ApiToken Token, string Plain)?> CreateAsync(Guid accountId, string? name, FieldErrors errors, CancellationToken cancellationToken)
    {
        name = NameText.CheckRequired("name", name, MaxNameLength, errors);
        if (name is null)
        {
            return null;
        }
        var plain = TokenPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var token = await AddAsync(accountId, name, plain, cancellationToken);
        return (token, plain);
    }

    /// <summary>Makes <c>Bootstrap:ApiToken</c> a token of the account; safe to run at every start.</summary>
    public async Task EnsureBootstrapTokenAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var plain = bootstrap.Value.ApiToken;
        if (string.IsNullOrWhiteSpace(plain))
        {
            return;
        }
        var hash = Hash(plain);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.ApiTokens.FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (existing is null)
        {
            await AddAsync(accountId, BootstrapTokenName, plain, cancellationToken);
            return;
        }
        // Tokens stored before the prefix was shortened showed eight characters of any token longer than that.
        var prefix = VisiblePrefix(plain);
        if (existing.Prefix.Length > prefix.Length)
        {
            existing.Prefix = prefix;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task<List<ApiToken>> ListAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ApiTokens.AsNoTracking()
            .Where(t => t.AccountId == accountId)
            .OrderByDescending(t => t.CreatedAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Revokes a token of the account; false when there is no such live token.</summary>
    public async Task<bool> RevokeAsync(Guid accountId, Guid tokenId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        // The conditional update decides who revokes; its audit entry commits with it.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var revoked = await db.ApiTokens
            .Where(t => t.Id == tokenId && t.AccountId == accountId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken) > 0;
        if (revoked)
        {
            var after = await db.ApiTokens.AsNoTracking().SingleAsync(t => t.Id == tokenId, cancellationToken);
            var before = AuditSnapshot.Of(after);
            before.Json["revoked"] = null;
            audit.Record(db, AuditActions.TokenRevoked, before, AuditSnapshot.Of(after));
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        if (revoked)
        {
            // Only the hash is remembered, and the revoked token's plain value is not known here: every node forgets them all.
            changes.Announce();
        }
        return revoked;
    }

    /// <summary>The caller behind a clear-text token, or null when the token is unknown or revoked.</summary>
    public async Task<ApiCaller?> AuthenticateAsync(string? plain, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(plain) || plain.Length > 512)
        {
            return null;
        }
        var hash = Hash(plain);
        // Only tokens that exist are remembered: unknown ones cost a lookup each, and cannot fill the cache.
        return await callers.GetOrReadAsync(hash, async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await db.ApiTokens
                .Where(t => t.TokenHash == hash && t.RevokedAt == null)
                .Join(db.Accounts, t => t.AccountId, a => a.Id, (t, a) => new ApiCaller(a.Id, a.Name, t.Id, t.Name))
                .FirstOrDefaultAsync(cancellationToken);
        }, keep: caller => caller is not null);
    }

    private async Task<ApiToken> AddAsync(Guid accountId, string name, string plain, CancellationToken cancellationToken)
    {
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(),
            AccountId = accountId,
            Name = name,
            TokenHash = Hash(plain),
            Prefix = VisiblePrefix(plain),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ApiTokens.Add(token);
        audit.Record(db, AuditActions.TokenCreated, null, AuditSnapshot.Of(token));
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
