using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace WebhookConsole.Hosting;

/// <summary>Says in one line why the app could not start, for the failures an operator causes and can fix.</summary>
internal static class StartupFailure
{
    /// <summary>The line for a failure the operator can fix, or null for an unexpected one (a bug: its stack trace helps).</summary>
    public static string? Describe(Exception exception)
    {
        var faults = exception is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : [exception];
        var lines = new List<string>();
        foreach (var fault in faults)
        {
            switch (fault)
            {
                case OptionsValidationException invalid:
                    lines.AddRange(invalid.Failures);
                    break;
                case StartupException startup:
                    lines.Add(startup.Message);
                    break;
                case IOException { InnerException: AddressInUseException } inUse:
                    lines.Add($"{inUse.Message} Choose a free port with ASPNETCORE_URLS or --urls.");
                    break;
                case IOException { InnerException: SocketException } bind when bind.Message.StartsWith("Failed to bind", StringComparison.Ordinal):
                    lines.Add(bind.Message);
                    break;
                default:
                    return null;
            }
        }
        return lines.Count == 0 ? null : "The app cannot start: " + string.Join(" ", lines);
    }

    /// <summary>An exception's message followed by those of its causes, for a cause that is only said deeper down.</summary>
    public static string Messages(Exception exception)
    {
        var messages = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (!messages.Contains(e.Message))
            {
                messages.Add(e.Message);
            }
        }
        return string.Join(": ", messages);
    }
}
