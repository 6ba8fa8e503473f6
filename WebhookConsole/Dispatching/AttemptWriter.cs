using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using WebhookConsole.Data;
using WebhookConsole.Features.Audit;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Dispatching;

/// <summary>
/// Stores attempts, moves their deliveries on, counts their webhooks' deliveries failed in a row (or resets the
/// count) and switches off a webhook whose failure asks for it, many attempts per transaction (on SQLite through
/// the <see cref="SqliteWriter"/>, on PostgreSQL through a <see cref="GroupCommit{TItem, TResult}"/>): each attempt
/// is still answered only once it is committed, so no crash can keep a failure (a 410, or the one that reaches the
/// threshold) without its webhook switched off, nor a switch-off without its audit entry. Only the lease holder
/// moves a delivery on, counts it and switches its webhook off: a lease lost (this node stalled past its expiry and
/// another took the delivery over) leaves the outcome to the new holder, and the request made is still kept.
/// </summary>
internal sealed class AttemptWriter
{
    /// <summary>The most attempts one transaction takes.</summary>
    private const int MaxBatch = 100;

    private readonly IDbContextFactory<AppDbContext> dbFactory;
    private readonly SqliteWriter sqlite;
    private readonly NodeIdentity node;
    private readonly WebhookDisabledAudit disabledAudit;
    private readonly GroupCommit<AttemptOutcome, AttemptWritten> commits;

    public AttemptWriter(IDbContextFactory<AppDbContext> dbFactory, SqliteWriter sqlite, NodeIdentity node, WebhookDisabledAudit disabledAudit)
    {
        this.dbFactory = dbFactory;
        this.sqlite = sqlite;
        this.node = node;
        this.disabledAudit = disabledAudit;
        commits = new GroupCommit<AttemptOutcome, AttemptWritten>(CommitAsync, CommitOneAsync, MaxBatch);
    }

    /// <summary>Completes once the attempt is committed, with whether this node moved the delivery on and switched its webhook off.</summary>
    public Task<AttemptWritten> WriteAsync(AttemptOutcome outcome) =>
        // SQLite's writer commits the attempts (and events) arriving together itself.
        sqlite.IsUsed ? sqlite.WriteAsync(rows => Commit(rows, outcome)) : commits.SubmitAsync(outcome);

    private async Task<IReadOnlyList<AttemptWritten>> CommitAsync(IReadOnlyList<AttemptOutcome> batch)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var owned = new bool[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            owned[i] = await MoveOnAsync(db, batch[i]);
        }
        db.Attempts.AddRange(batch.Select(o => o.Attempt));
        await db.SaveChangesAsync();
        // In the order of the webhooks' ids, whatever order their attempts ended in: two nodes' batches touching the
        // same webhooks then lock their rows in one order and cannot deadlock on them.
        foreach (var (webhookId, (reset, added)) in FailureCounts(batch, owned).OrderBy(c => c.Key))
        {
            var webhook = db.Webhooks.Where(w => w.Id == webhookId);
            if (!reset)
            {
                await webhook.ExecuteUpdateAsync(s => s.SetProperty(w => w.ConsecutiveFailures, w => w.ConsecutiveFailures + added));
            }
            else if (added > 0)
            {
                await webhook.ExecuteUpdateAsync(s => s.SetProperty(w => w.ConsecutiveFailures, added));
            }
            else
            {
                await WebhookHealth.ResetFailuresAsync(db, webhookId, CancellationToken.None);
            }
        }
        // After the counts, so a threshold is checked against the count this batch leaves.
        var disabled = new bool[batch.Count];
        var audited = new List<AuditEntry>();
        foreach (var (webhookId, i) in Disables(batch, owned))
        {
            var disable = batch[i].Disable!;
            disabled[i] = await db.Webhooks
                .Where(w => w.Id == webhookId && w.Enabled && w.ConsecutiveFailures >= disable.AtFailures)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(w => w.Enabled, false)
                    .SetProperty(w => w.DisabledReason, disable.Reason)
                    .SetProperty(w => w.UpdatedAt, batch[i].Attempt.CreatedAt)) > 0;
            if (disabled[i])
            {
                // Read back in the transaction, whose update holds the row: the entry shows exactly what it switched off.
                var row = await db.Webhooks.AsNoTracking().SingleAsync(w => w.Id == webhookId);
                audited.Add(disabledAudit.For(row));
            }
        }
        if (audited.Count > 0)
        {
            db.AuditEntries.AddRange(audited);
            await db.SaveChangesAsync();
        }
        await transaction.CommitAsync();
        return [.. owned.Select((o, i) => new AttemptWritten(o, disabled[i]))];
    }

    /// <summary>
    /// The one switch-off each webhook of the batch may take, by the index of the attempt asking for it: a 410's
    /// (off at once) before any other, else the last failure's, checked against the count the batch leaves.
    /// </summary>
    private static Dictionary<Guid, int> Disables(IReadOnlyList<AttemptOutcome> batch, bool[] owned)
    {
        var chosen = new Dictionary<Guid, int>();
        for (var i = 0; i < batch.Count; i++)
        {
            if (owned[i] && batch[i].Disable is not null)
            {
                var webhookId = batch[i].Attempt.WebhookId;
                if (!chosen.TryGetValue(webhookId, out var earlier) || batch[earlier].Disable!.AtFailures != 0)
                {
                    chosen[webhookId] = i;
                }
            }
        }
        return chosen;
    }

    /// <summary>
    /// The batch's net change to each webhook's failure count, one statement per webhook: whether a success resets
    /// it, and how many failures are counted after the last one (a batch is in the order its attempts ended).
    /// </summary>
    private static Dictionary<Guid, (bool Reset, int Added)> FailureCounts(IReadOnlyList<AttemptOutcome> batch, bool[] owned)
    {
        var counts = new Dictionary<Guid, (bool Reset, int Added)>();
        for (var i = 0; i < batch.Count; i++)
        {
            var webhookId = batch[i].Attempt.WebhookId;
            switch (owned[i] ? batch[i].FailureCount : FailureCountChange.None)
            {
                case FailureCountChange.Reset:
                    counts[webhookId] = (true, 0);
                    break;
                case FailureCountChange.Increment:
                    var (reset, added) = counts.GetValueOrDefault(webhookId);
                    counts[webhookId] = (reset, added + 1);
                    break;
            }
        }
        return counts;
    }

    /// <summary>One attempt as <see cref="CommitAsync"/> stores it, through the SQLite writer's prepared statements.</summary>
    private AttemptWritten Commit(SqliteWriteBatch rows, AttemptOutcome o)
    {
        var attempt = o.Attempt;
        var owned = rows.Execute(MoveOnSql, MoveOnParameters,
            o.Status, attempt.Number, attempt.StatusCode, o.LastError, attempt.DurationMs, o.NextAttemptAt, o.CompletedAt, attempt.CreatedAt,
            attempt.DeliveryId, node.Name) > 0;
        rows.Insert(attempt);
        if (owned && o.FailureCount == FailureCountChange.Reset)
        {
            rows.Execute(ResetFailuresSql, WebhookIdParameter, attempt.WebhookId);
        }
        else if (owned && o.FailureCount == FailureCountChange.Increment)
        {
            rows.Execute(CountFailureSql, WebhookIdParameter, attempt.WebhookId);
        }
        var disabled = owned && o.Disable is { } disable
            && rows.Execute(DisableSql, DisableParameters, disable.Reason, attempt.CreatedAt, attempt.WebhookId, disable.AtFailures) > 0;
        if (disabled)
        {
            rows.Insert(disabledAudit.For(rows.Find<WebhookEndpoint>(attempt.WebhookId)!));
        }
        return new AttemptWritten(owned, disabled);
    }

    private const string MoveOnSql = """
        UPDATE "Deliveries" SET
            "Status" = @p0, "AttemptCount" = @p1, "LastStatusCode" = @p2, "LastError" = @p3, "LastDurationMs" = @p4,
            "NextAttemptAt" = @p5, "CompletedAt" = @p6, "LeaseOwner" = NULL, "LeaseUntil" = NULL, "UpdatedAt" = @p7
        WHERE "Id" = @p8 AND "LeaseOwner" = @p9
        """;

    private static IReadOnlyList<IProperty> MoveOnParameters(IModel model)
    {
        var delivery = model.FindEntityType(typeof(Delivery))!;
        return [.. new[]
        {
            nameof(Delivery.Status), nameof(Delivery.AttemptCount), nameof(Delivery.LastStatusCode), nameof(Delivery.LastError),
            nameof(Delivery.LastDurationMs), nameof(Delivery.NextAttemptAt), nameof(Delivery.CompletedAt), nameof(Delivery.UpdatedAt),
            nameof(Delivery.Id), nameof(Delivery.LeaseOwner),
        }.Select(name => delivery.FindProperty(name)!)];
    }

    private const string ResetFailuresSql = """UPDATE "Webhooks" SET "ConsecutiveFailures" = 0 WHERE "Id" = @p0 AND "ConsecutiveFailures" <> 0""";

    private const string CountFailureSql = """UPDATE "Webhooks" SET "ConsecutiveFailures" = "ConsecutiveFailures" + 1 WHERE "Id" = @p0""";

    private static IReadOnlyList<IProperty> WebhookIdParameter(IModel model) =>
        [model.FindEntityType(typeof(WebhookEndpoint))!.FindProperty(nameof(WebhookEndpoint.Id))!];

    /// <summary>Run after the count, in the same transaction; whether it changed a row tells whether this attempt switched the webhook off.</summary>
    private const string DisableSql = """
        UPDATE "Webhooks" SET "Enabled" = 0, "DisabledReason" = @p0, "UpdatedAt" = @p1
        WHERE "Id" = @p2 AND "Enabled" AND "ConsecutiveFailures" >= @p3
        """;

    private static IReadOnlyList<IProperty> DisableParameters(IModel model)
    {
        var webhook = model.FindEntityType(typeof(WebhookEndpoint))!;
        return [.. new[]
        {
            nameof(WebhookEndpoint.DisabledReason), nameof(WebhookEndpoint.UpdatedAt), nameof(WebhookEndpoint.Id), nameof(WebhookEndpoint.ConsecutiveFailures),
        }.Select(name => webhook.FindProperty(name)!)];
    }

    private async Task<AttemptWritten> CommitOneAsync(AttemptOutcome outcome) => (await CommitAsync([outcome]))[0];

    // Plain SQL, the same for both providers: the statement runs once per attempt, and LINQ's ExecuteUpdate would
    // translate its expression tree each time. Guid, DateTime and enum values are bound through EF Core's mappings.
    private async Task<bool> MoveOnAsync(AppDbContext db, AttemptOutcome o)
    {
        var attempt = o.Attempt;
        return await db.Database.ExecuteSqlAsync($"""
            UPDATE "Deliveries" SET
                "Status" = {(int)o.Status}, "AttemptCount" = {attempt.Number}, "LastStatusCode" = {attempt.StatusCode},
                "LastError" = {o.LastError}, "LastDurationMs" = {attempt.DurationMs}, "NextAttemptAt" = {o.NextAttemptAt},
                "CompletedAt" = {o.CompletedAt}, "LeaseOwner" = NULL, "LeaseUntil" = NULL, "UpdatedAt" = {attempt.CreatedAt}
            WHERE "Id" = {attempt.DeliveryId} AND "LeaseOwner" = {node.Name}
            """) > 0;
    }
}
