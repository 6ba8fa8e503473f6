using System.Text.Json.Nodes;
using WebhookConsole.Components.Shared;

namespace WebhookConsole.Features.Audit;

/// <summary>Lines up the fields of an entry's before and after snapshots, for showing what a change did.</summary>
internal static class AuditDiff
{
    /// <summary>Every field of either snapshot, in the snapshot's order, with the changed ones marked.</summary>
    public static List<AuditFieldChange> Compare(string? beforeJson, string? afterJson)
    {
        var before = Parse(beforeJson);
        var after = Parse(afterJson);
        var fields = (before?.Select(p => p.Key) ?? []).Concat(after?.Select(p => p.Key) ?? []).Distinct();
        return fields.Select(f => new AuditFieldChange(f, Field(before, f), Field(after, f))).ToList();
    }

    /// <summary>The snapshot indented for reading; empty when there is none.</summary>
    public static string Pretty(string? json) => Parse(json) is { } snapshot ? JsonText.Pretty(snapshot) : "";

    private static string? Field(JsonObject? snapshot, string field) =>
        snapshot is not null && snapshot.TryGetPropertyValue(field, out var value)
            ? value is null ? "null" : JsonText.Pretty(value)
            : null;

    private static JsonObject? Parse(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonNode.Parse(json) as JsonObject;
}
