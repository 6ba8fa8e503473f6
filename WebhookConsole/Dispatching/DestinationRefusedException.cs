namespace WebhookConsole.Dispatching;

/// <summary>The destination may not be called under the dispatcher's network rules.</summary>
internal sealed class DestinationRefusedException(string message) : Exception(message);
