namespace WebhookConsole.Features.Audit;

/// <summary>Column sizes of <see cref="AuditEntry"/>.</summary>
internal static class AuditEntryLimits
{
    public const int Actor = 256;
    public const int Action = 64;
    public const int EntityType = 32;
    public const int EntityId = 64;
    public const int EntityName = 200;
}
