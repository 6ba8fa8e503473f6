namespace WebhookConsole.Features.Accounts;

/// <summary>A tenant: every webhook, environment, event and token belongs to exactly one account.</summary>
internal sealed class Account
{
    public const string DefaultName = "Default";

    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
