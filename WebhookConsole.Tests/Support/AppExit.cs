namespace WebhookConsole.Tests.Support;

/// <summary>How an app process ended: its exit code and the lines it wrote to standard output and error.</summary>
public sealed record AppExit(int ExitCode, IReadOnlyList<string> Output)
{
    public string Text => string.Join("\n", Output);
}
