using Microsoft.AspNetCore.Components;
using MudBlazor;
using WebhookConsole.Api;

namespace WebhookConsole.Components.Shared;

/// <summary>Tells the admin how a replay went, with a link to the new delivery.</summary>
internal static class ReplaySnackbar
{
    public static void Show(ISnackbar snackbar, Guid? newDeliveryId, FieldErrors errors)
    {
        if (newDeliveryId is { } id)
        {
            snackbar.Add(new MarkupString($"Replayed as a new delivery: <a href=\"/deliveries/{id}\" class=\"replay-link\">open it</a>"), Severity.Success);
        }
        else
        {
            snackbar.Add(errors.Any ? "Not replayed: " + errors.Summary() : "This delivery no longer exists.", Severity.Error);
        }
    }
}
