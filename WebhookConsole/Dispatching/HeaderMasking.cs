namespace WebhookConsole.Dispatching;

/// <summary>Hides credential-like header values before a request is stored in the delivery history.</summary>
internal static class HeaderMasking
{
    public const string Mask = "********";

    private static readonly string[] SensitiveParts = ["auth", "token", "secret", "pass", "key", "cookie", "session", "credential"];

    public static string Value(string name, string value) =>
        SensitiveParts.Any(part => name.Contains(part, StringComparison.OrdinalIgnoreCase)) ? Mask : value;
}
