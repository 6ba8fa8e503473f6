namespace WebhookConsole.Api;

internal static class PrintableText
{
    /// <summary>A name from a request, safe to repeat in an error message: control characters as '?', at most 100 characters.</summary>
    public static string Of(string name)
    {
        var clean = new string(name.Select(c => char.IsControl(c) ? '?' : c).Take(100).ToArray());
        return clean.Length < name.Length ? clean + "…" : clean;
    }
}
