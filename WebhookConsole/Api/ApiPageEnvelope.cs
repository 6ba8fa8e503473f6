using System.Text.Json.Serialization;

namespace WebhookConsole.Api;

/// <summary>
/// A page of a list, WIRECLOUD style: the items in <c>data</c>, and beside them the page size and the
/// <c>next_start_key</c> to pass back as <c>start_key</c> (absent on the last page).
/// </summary>
internal sealed record ApiPageEnvelope<T>(
    IReadOnlyList<T> Data,
    int PageSize,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NextStartKey,
    string RequestId)
{
    public string Status => "success";
}
