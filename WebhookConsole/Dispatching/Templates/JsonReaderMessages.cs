namespace WebhookConsole.Dispatching.Templates;

/// <summary>
/// The JSON reader's messages in an admin's words where the reader speaks of its own settings or internals
/// ("not supported in this mode. Change the reader options."); the others are already plain and pass unchanged.
/// </summary>
internal static class JsonReaderMessages
{
    public static string Plain(string message) => message switch
    {
        _ when message.StartsWith("The JSON array contains a trailing comma", StringComparison.Ordinal) =>
            "The array ends with a comma before its ']', which JSON does not allow.",
        _ when message.StartsWith("The JSON object contains a trailing comma", StringComparison.Ordinal) =>
            "The object ends with a comma before its '}', which JSON does not allow.",
        _ when message.StartsWith("Expected depth to be zero at the end of the JSON payload", StringComparison.Ordinal) =>
            "The text ends inside an object or array: a closing '}' or ']' is missing.",
        _ when message.EndsWith("is invalid after a single JSON value. Expected end of data.", StringComparison.Ordinal) =>
            message[..message.IndexOf(" is invalid", StringComparison.Ordinal)] + " follows the end of the template's object: a template is one JSON object.",
        _ when message.StartsWith("'0xEF' is an invalid start of a value", StringComparison.Ordinal) =>
            "The text starts with a byte order mark (an invisible character); remove it.",
        _ => message,
    };
}
