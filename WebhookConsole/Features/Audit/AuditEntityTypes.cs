namespace WebhookConsole.Features.Audit;

internal static class AuditEntityTypes
{
    public const string Webhook = "webhook";
    public const string Environment = "environment";
    public const string EventType = "event_type";
    public const string Token = "token";
    public const string Account = "account";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Webhook, Environment, EventType, Token, Account, Admin];
}
