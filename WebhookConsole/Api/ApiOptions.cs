using System.ComponentModel.DataAnnotations;

namespace WebhookConsole.Api;

/// <summary>The <c>Api</c> section.</summary>
internal sealed class ApiOptions
{
    public const string Section = "Api";

    [Range(1024, 64 * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 1024 * 1024;
}
