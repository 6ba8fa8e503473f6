namespace WebhookConsole.Features.Bootstrap;

/// <summary>The <c>Bootstrap</c> section: unattended first setup for scripts and containers.</summary>
internal sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    public string? AdminEmail { get; set; }
    public string? AdminPassword { get; set; }
    /// <summary>When set, this exact string is an API token of the default account.</summary>
    public string? ApiToken { get; set; }
}
