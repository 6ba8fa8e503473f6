using System.Text.RegularExpressions;

namespace WebhookConsole.Tests.Support;

/// <summary>
/// What an operator reads in the app's log (its console output, as <see cref="AppProcess"/> captures it) while the
/// database is lost: a few short entries, not one with a stack trace for every request or probe.
/// </summary>
public static partial class OutageLogAssert
{
    /// <summary>The line the app writes when the database fails, at most once per interval.</summary>
    public const string Report = "The database is unavailable";

    /// <summary>No stack frame in <paramref name="lines"/>, and at most <paramref name="maxEntries"/> warnings or errors.</summary>
    public static void Brief(IReadOnlyList<string> lines, int maxEntries)
    {
        var text = string.Join("\n", lines);
        Assert.False(lines.Any(line => StackFrame().IsMatch(line)), $"a stack trace was logged:\n{text}");
        var entries = lines.Count(line => Entry().IsMatch(line));
        Assert.True(entries <= maxEntries, $"{entries} warnings or errors were logged, more than {maxEntries}:\n{text}");
    }

    /// <summary>How many of <paramref name="lines"/> report the database unavailable.</summary>
    public static int Reports(IReadOnlyList<string> lines) => lines.Count(line => line.Contains(Report, StringComparison.Ordinal));

    // "   at Namespace.Type.Method(...)" and the framework's "--- End of stack trace from previous location ---".
    [GeneratedRegex(@"^\s+at \S+|--- End of stack trace")]
    private static partial Regex StackFrame();

    [GeneratedRegex("^(warn|fail|crit): ")]
    private static partial Regex Entry();
}
