using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using WebhookConsole.Api;
using WebhookConsole.Data;
using WebhookConsole.Features.Audit;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Features.EventTypes;

/// <summary>Adds, edits and deletes catalogue entries; each change is validated whole before anything is saved.</summary>
internal sealed class EventTypeEditor(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, AuditLog audit, EventTypeCatalog catalog)
{
    /// <summary>Samples are stored indented, with their text as typed (not escaped to ASCII).</summary>
    private static readonly JsonSerializerOptions SampleJson = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public const int MaxNameLength = 200;

    // A sample is rendered into bodies as custom data is, so it nests no deeper.
    private const int MaxSampleDepth = WebhookValidator.MaxCustomDataDepth;
    private static readonly JsonDocumentOptions SampleOptions = new() { MaxDepth = MaxSampleDepth, AllowDuplicateProperties = false };

    private const string NoLongerExists = "This event type no longer exists.";

    public async Task<List<EventType>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.EventTypes.AsNoTracking().OrderBy(t => t.Source == "" ? 1 : 0).ThenBy(t => t.CreatedAt).ToListAsync(cancellationToken);
    }

    public async Task<EventType?> CreateAsync(EventTypeInput input, FieldErrors errors, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (name, sample) = await ValidateAsync(db, null, input, errors, cancellationToken);
        if (errors.Any)
        {
            return null;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var type = new EventType
        {
            Id = Guid.CreateVersion7(), Name = name!, Description = input.Description?.Trim() ?? "", Source = "",
            SampleJson = sample!, CreatedAt = now, UpdatedAt = now,
        };
        db.EventTypes.Add(type);
        audit.Record(db, AuditActions.EventTypeCreated, null, AuditSnapshot.Of(type));
        await db.SaveChangesAsync(cancellationToken);
        return type;
    }

    /// <summary>Edits description and sample; a type's name is fixed once webhooks or events may refer to it.</summary>
    public async Task<EventType?> UpdateAsync(Guid id, EventTypeInput input, FieldErrors errors, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var type = await db.EventTypes.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (type is null)
        {
            errors.Add("id", "not_found", NoLongerExists);
            return null;
        }
        var (_, sample) = await ValidateAsync(db, type, input, errors, cancellationToken);
        if (errors.Any)
        {
            return null;
        }
        var before = AuditSnapshot.Of(type);
        type.Description = input.Description?.Trim() ?? "";
        type.SampleJson = sample!;
        type.UpdatedAt = time.GetUtcNow().UtcDateTime;
        audit.Record(db, AuditActions.EventTypeUpdated, before, AuditSnapshot.Of(type));
        if (!await db.SaveUnlessGoneAsync(cancellationToken))
        {
            errors.Add("id", "not_found", NoLongerExists);
            return null;
        }
        return type;
    }

    /// <summary>Deletes a type no webhook and no stored event uses; otherwise says what still uses it.</summary>
    public async Task<string?> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var type = await db.EventTypes.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (type is null)
        {
            return NoLongerExists;
        }
        var webhooks = await db.Webhooks.CountAsync(w => w.EventType == type.Name, cancellationToken);
        if (webhooks > 0)
        {
            return $"{webhooks} webhook(s) send '{type.Name}'; change them first.";
        }
        if (await db.Events.AnyAsync(e => e.EventType == type.Name, cancellationToken))
        {
            return $"Events of type '{type.Name}' are in the delivery history; it stays until they are purged.";
        }
        db.EventTypes.Remove(type);
        audit.Record(db, AuditActions.EventTypeDeleted, AuditSnapshot.Of(type), null);
        var deleted = await db.SaveUnlessGoneAsync(cancellationToken);
        catalog.Forget(type.Name);
        if (!deleted)
        {
            return NoLongerExists;
        }
        return null;
    }

    private static async Task<(string? Name, string? Sample)> ValidateAsync(
        AppDbContext db, EventType? existing, EventTypeInput input, FieldErrors errors, CancellationToken cancellationToken)
    {
        // A type's name is fixed once created: only a new one is checked.
        var name = existing?.Name;
        if (existing is null)
        {
            name = NameText.Check("name", input.Name ?? "", errors);
            if (name is { Length: 0 })
            {
                errors.Add("name", "required", "Enter a name, e.g. call.parked.");
            }
            else if (name is not null && (name.Length > MaxNameLength || name == WebhookEndpoint.AnyEvent || name.Any(char.IsWhiteSpace)))
            {
                errors.Add("name", "format", $"Use up to {MaxNameLength} characters, no spaces, and not '*'.");
            }
            else if (name is not null && await db.EventTypes.AnyAsync(t => t.Name == name, cancellationToken))
            {
                errors.Add("name", "unique", $"'{name}' is in the catalogue already.");
            }
        }

        var json = string.IsNullOrWhiteSpace(input.SampleJson) ? "{}" : input.SampleJson;
        if (LoneSurrogates.Find(json) is var (line, column))
        {
            errors.Add("sample", "json", $"Not valid JSON at line {line}, column {column}: the text {LoneSurrogates.Reason}.");
            return (name, null);
        }
        string? sample = null;
        try
        {
            var node = JsonNode.Parse(json, documentOptions: SampleOptions);
            if (node is JsonObject obj)
            {
                sample = obj.ToJsonString(SampleJson);
            }
            else
            {
                errors.Add("sample", "type", "The sample must be a JSON object.");
            }
        }
        catch (JsonException ex)
        {
            // The parser names no position for a repeated property, and says nothing clear about depth.
            if (JsonFault.Find(Encoding.UTF8.GetBytes(json), MaxSampleDepth) is var (faultLine, faultColumn, what))
            {
                errors.Add("sample", "json", $"The sample is refused at line {faultLine}, column {faultColumn}: {what}.");
            }
            else
            {
                errors.Add("sample", "json", $"Not valid JSON at line {(ex.LineNumber ?? 0) + 1}, column {(ex.BytePositionInLine ?? 0) + 1}.");
            }
        }
        return (name, sample);
    }
}
