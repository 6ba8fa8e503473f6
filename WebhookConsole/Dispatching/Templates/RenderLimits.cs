namespace WebhookConsole.Dispatching.Templates;

/// <summary>
/// Bounds on one render, so that a hostile template cannot hang a worker or exhaust memory.
/// </summary>
internal sealed record RenderLimits(int MaxIterations, int MaxOutputLength, TimeSpan MaxDuration)
{
    // Generous for real payloads, far below what would hurt a worker.
    public static RenderLimits Default { get; } = new(100_000, 4 * 1024 * 1024, TimeSpan.FromSeconds(2));
}
