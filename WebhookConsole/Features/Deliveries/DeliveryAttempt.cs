using WebhookConsole.Data.Paging;

namespace WebhookConsole.Features.Deliveries;

/// <summary>One HTTP request made for a delivery, with what came back.</summary>
public sealed class DeliveryAttempt : IPagedRow
{
    public Guid Id { get; set; }
    public Guid DeliveryId { get; set; }
    public Guid WebhookId { get; set; }
    public Guid AccountId { get; set; }
    /// <summary>1-based.</summary>
    public int Number { get; set; }
    public string RequestMethod { get; set; } = "";
    public string RequestUrl { get; set; } = "";
    public string RequestHeadersJson { get; set; } = "{}";
    public string RequestBody { get; set; } = "";
    public int? StatusCode { get; set; }
    public string? ResponseHeadersJson { get; set; }
    public string? ResponseBody { get; set; }
    public string? Error { get; set; }
    public int DurationMs { get; set; }
    /// <summary>The node that made the request (its lease owner name), so a cluster's work can be traced.</summary>
    public string? SentBy { get; set; }
    public DateTime CreatedAt { get; set; }
}
