namespace WebhookConsole.Components.Shared;

/// <summary>The services word their field faults for the API (lower case, no full stop); the console shows sentences.</summary>
internal static class FieldMessage
{
    public static string Sentence(string message)
    {
        var text = message.Trim();
        if (text.Length == 0)
        {
            return text;
        }
        text = char.ToUpperInvariant(text[0]) + text[1..];
        return text.EndsWith('.') ? text : text + ".";
    }
}
