namespace WebhookConsole.Hosting;

/// <summary>The app cannot start, for a reason its message says in one line (a setting, a file, a server).</summary>
internal sealed class StartupException(string message, Exception? innerException = null) : Exception(message, innerException);
