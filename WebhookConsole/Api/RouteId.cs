namespace WebhookConsole.Api;

/// <summary>
/// Ids in routes are bound as text and parsed here, so an id that is not a UUID answers 404 in the error
/// shape like any id that does not exist, instead of a bare 400 from parameter binding.
/// </summary>
internal static class RouteId
{
    public static Guid? Parse(string? value) => Guid.TryParse(value, out var id) ? id : null;
}
