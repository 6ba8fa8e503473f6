using Microsoft.AspNetCore.Components;

namespace WebhookConsole.Components.Shared;

/// <summary>
/// The addresses a page navigated to itself to keep its filters in the query string. Blazor reports each of those
/// back, possibly after the admin has changed a filter again; a link, back or forward is reported the same way, and
/// only that must change the filters.
/// </summary>
internal sealed class OwnNavigations
{
    private readonly HashSet<string> uris = new(StringComparer.Ordinal);

    /// <summary>
    /// Writes <paramref name="query"/> into the address in place of the current entry, and remembers it as this page's
    /// own; an address that already holds it is left alone.
    /// </summary>
    public void Replace(NavigationManager navigation, IReadOnlyDictionary<string, object?> query)
    {
        var uri = navigation.GetUriWithQueryParameters(query);
        if (uri == navigation.Uri)
        {
            return;
        }
        uris.Add(uri);
        navigation.NavigateTo(uri, replace: true);
    }

    /// <summary>True when <paramref name="uri"/> is one this page went to itself since the last change from outside.</summary>
    public bool IsOwn(string uri)
    {
        if (uris.Contains(uri))
        {
            return true;
        }
        // From outside: what the page wrote before is history now, so going back to it is a change from outside too.
        uris.Clear();
        return false;
    }
}
