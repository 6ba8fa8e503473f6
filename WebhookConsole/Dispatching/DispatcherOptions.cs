using System.ComponentModel.DataAnnotations;

namespace WebhookConsole.Dispatching;

/// <summary>The <c>Dispatcher</c> section of the configuration.</summary>
internal sealed class DispatcherOptions : IValidatableObject
{
    public const string Section = "Dispatcher";

    public static readonly int[] DefaultRetryDelays = [5, 30, 120, 600, 1800, 3600, 7200, 14400, 28800, 43200];

    /// <summary>
    /// Retry k waits the k-th delay, in seconds; the last one repeats. Empty means the defaults, which are applied
    /// after binding and listed in no settings file: configuration merges lists item by item, so a list given in the
    /// environment (<c>Dispatcher__RetryDelays__0=1</c>) would otherwise keep a file's later items, and the binder
    /// appends to an initialised array.
    /// </summary>
    public int[] RetryDelays { get; set; } = [];

    [Range(1, 1000)]
    public int DisableAfterFailures { get; set; } = 5;

    public bool AllowPrivateNetworks { get; set; }

    public bool RequireHttps { get; set; }

    [Range(1, 3600)]
    public int SweepIntervalSeconds { get; set; } = 5;

    /// <summary>How many deliveries this node sends at once.</summary>
    [Range(1, 200)]
    public int WorkerCount { get; set; } = 20;

    /// <summary>
    /// The most deliveries this node keeps waiting in memory for a send slot. Beyond it the database alone holds the
    /// backlog, and the dispatcher takes it from there, oldest first, as slots free up. With SQLite, also the most
    /// retries it keeps in memory until they are due; the recovery sweep finds the others once due.
    /// </summary>
    [Range(10, 1_000_000)]
    public int QueueCapacity { get; set; } = 20_000;

    /// <summary>How long a lease outlives the webhook's own timeout before another worker may take the delivery.</summary>
    [Range(1, 3600)]
    public int LeaseMarginSeconds { get; set; } = 30;

    /// <summary>
    /// Recovery sweeps leave a due delivery alone for this long after it was last enqueued: the queue may still
    /// hold it (and with PostgreSQL job storage it survives a crash), so an earlier sweep would only add duplicates.
    /// </summary>
    [Range(1, 3600)]
    public int SweepGraceSeconds { get; set; } = 30;

    /// <summary>Names this node in leases and attempts (default: the machine name); the process id is appended.</summary>
    [MaxLength(60)]
    public string? NodeName { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RetryDelays.Any(d => d < 0))
        {
            yield return new ValidationResult("Dispatcher:RetryDelays cannot be negative.", [nameof(RetryDelays)]);
        }
    }

    /// <summary>The delay before retry <paramref name="retry"/> (1-based), without jitter.</summary>
    public TimeSpan DelayBeforeRetry(int retry)
    {
        var delays = RetryDelays.Length > 0 ? RetryDelays : DefaultRetryDelays;
        return TimeSpan.FromSeconds(delays[Math.Clamp(retry - 1, 0, delays.Length - 1)]);
    }
}
