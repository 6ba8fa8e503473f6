namespace WebhookConsole.Hosting;

/// <summary>Whether the host has started, read by the log filter that leaves a failed start to <see cref="StartupFailureExtensions"/>.</summary>
internal sealed class StartupState
{
    private volatile bool started;

    public bool Started => started;

    public void MarkStarted() => started = true;
}
