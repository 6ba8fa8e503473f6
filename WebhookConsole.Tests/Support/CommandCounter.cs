using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WebhookConsole.Tests.Support;

/// <summary>
/// Counts the database statements EF Core executes inside <see cref="CountAsync"/>'s work, in its async flow only,
/// so tests running beside it add nothing to the count. One for the whole run: EF Core remembers for a while which of
/// its events nobody listens to, so a listener that comes and goes would miss some.
/// </summary>
public sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    public static CommandCounter Shared { get; } = new();

    private readonly AsyncLocal<StrongBox<int>?> current = new();
    private readonly List<IDisposable> subscriptions = [];

    private CommandCounter() => DiagnosticListener.AllListeners.Subscribe(this);

    public async Task<int> CountAsync(Func<Task> work)
    {
        var count = new StrongBox<int>();
        current.Value = count;
        try
        {
            await work();
        }
        finally
        {
            current.Value = null;
        }
        return count.Value;
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (subscriptions)
            {
                subscriptions.Add(listener.Subscribe(this));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuted.Name && current.Value is { } count)
        {
            Interlocked.Increment(ref count.Value);
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }

    private sealed class StrongBox<T>
    {
        public T Value = default!;
    }
}
