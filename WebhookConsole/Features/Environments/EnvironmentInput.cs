namespace WebhookConsole.Features.Environments;

/// <summary>What a client asked to set on an environment; <see cref="Fields"/> names the wire fields given.</summary>
internal sealed record EnvironmentInput
{
    public IReadOnlySet<string> Fields { get; init; } = new HashSet<string>();
    public string? Name { get; init; }
    /// <summary>The webhooks it subscribes to; replaces the whole set when given.</summary>
    public IReadOnlyList<Guid>? Webhooks { get; init; }

    public bool Has(string field) => Fields.Contains(field);
}
