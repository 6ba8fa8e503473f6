using System.Text.Json.Nodes;
using WebhookConsole.Dispatching.Templates;

namespace WebhookConsole.Components.Pages.Webhooks;

/// <summary>The placeholders a body template can use for an event type: its sample's fields (dot paths) and <c>meta.*</c>.</summary>
internal static class TemplateFields
{
    private const int MaxDepth = 4;

    public static IReadOnlyList<string> Meta { get; } =
        [.. TemplateMetadata.Meta(new TemplateInput("", "", DateTime.UnixEpoch, "", "", "", "", [], null)).Select(p => "meta." + p.Key)];

    /// <summary>Every field of <paramref name="sampleJson"/>, nested objects as dot paths, in the sample's order.</summary>
    public static IReadOnlyList<string> Of(string? sampleJson)
    {
        var paths = new List<string>();
        try
        {
            if (!string.IsNullOrWhiteSpace(sampleJson) && JsonNode.Parse(sampleJson) is JsonObject sample)
            {
                Collect(sample, "", 0, paths);
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // A sample that is not JSON offers no fields; the catalogue page reports it.
        }
        return paths;
    }

    private static void Collect(JsonObject node, string prefix, int depth, List<string> paths)
    {
        foreach (var (key, value) in node)
        {
            // Liquid paths cannot name keys with spaces or dots.
            if (key.Length == 0 || key.Any(c => char.IsWhiteSpace(c) || c == '.'))
            {
                continue;
            }
            var path = prefix + key;
            if (value is JsonObject child && child.Count > 0 && depth < MaxDepth)
            {
                Collect(child, path + ".", depth + 1, paths);
            }
            else
            {
                paths.Add(path);
            }
        }
    }
}
