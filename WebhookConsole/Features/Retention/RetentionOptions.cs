using System.ComponentModel.DataAnnotations;

namespace WebhookConsole.Features.Retention;

/// <summary>The <c>Retention</c> section.</summary>
internal sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Attempts and events older than this are purged.</summary>
    [Range(1, 3650)]
    public int Days { get; set; } = 30;
}
