namespace WebhookConsole.Hosting;

/// <summary>
/// A fault found while the app is built, before logging exists, held until the start: the check at start refuses
/// it in the same one line as a refused setting, instead of the build ending on an unhandled exception.
/// </summary>
internal sealed class StartupRefusal
{
    /// <summary>Refuses the start with <paramref name="reason"/>; each reason is its own named entry, so several add up.</summary>
    public static void Register(IServiceCollection services, string reason) =>
        services.AddOptions<StartupRefusal>(reason).Validate(_ => false, reason).ValidateOnStart();
}
