namespace WebhookConsole.Api;

/// <summary>Collects per-field validation faults in the order they were found.</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, Dictionary<string, string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public IReadOnlyDictionary<string, Dictionary<string, string>> Items => errors;

    public FieldErrors Add(string field, string rule, string explanation)
    {
        if (!errors.TryGetValue(field, out var rules))
        {
            rules = new Dictionary<string, string>(StringComparer.Ordinal);
            errors[field] = rules;
        }
        rules.TryAdd(rule, explanation);
        return this;
    }

    public bool Has(string field) => errors.ContainsKey(field);

    /// <summary>A one-line summary naming the first fault, for the error's <c>message</c>.</summary>
    public string Summary()
    {
        var first = errors.First();
        var more = errors.Count > 1 ? $" (and {errors.Count - 1} more)" : "";
        return $"{first.Key}: {first.Value.Values.First()}{more}";
    }
}
