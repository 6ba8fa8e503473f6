using Microsoft.AspNetCore.Components;
using MudBlazor;
using WebhookConsole.Api;
using WebhookConsole.Components.Shared;
using WebhookConsole.Features.Accounts;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Components.Pages.Deliveries;

/// <summary>
/// Replays one delivery and tells how it went. A replay to a disabled webhook ends failed at once, without a request:
/// the admin is asked first, wherever the button is. A test send's replay is a test send again, which goes out to a
/// disabled webhook as the webhook's own test does, so it is not asked about.
/// </summary>
public partial class DeliveryReplayButton
{
    /// <summary>What a replay to a disabled webhook does, as the delivery's page and this button's question say it.</summary>
    public const string DisabledConsequence = "a replay ends failed at once, without an attempt, until the webhook is enabled again";

    private bool replaying;

    [Inject] private ReplayService Replays { get; set; } = default!;
    [Inject] private WebhookService Webhooks { get; set; } = default!;
    [Inject] private SelectedAccount Selected { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired] public Guid DeliveryId { get; set; }
    [Parameter, EditorRequired] public Guid WebhookId { get; set; }
    /// <summary>The delivery is a test send.</summary>
    [Parameter] public bool IsTest { get; set; }
    /// <summary>An icon for a row of the history; a labelled button otherwise.</summary>
    [Parameter] public bool Compact { get; set; }
    [Parameter] public string? Id { get; set; }

    private async Task ReplayAsync()
    {
        // A double click must replay once, not twice.
        if (replaying)
        {
            return;
        }
        replaying = true;
        try
        {
            // Asked of the database now: the webhook may have been disabled or enabled since the page loaded.
            var webhook = await Webhooks.GetAsync(Selected.Id, WebhookId, CancellationToken.None);
            if (webhook is { Enabled: false } && !IsTest && !await ConfirmDialog.AskAsync(Dialogs, "Webhook disabled",
                    $"Webhook '{webhook.Name}' is disabled: {DisabledConsequence}. Replay anyway?", "Replay anyway"))
            {
                return;
            }
            var errors = new FieldErrors();
            var replay = await Replays.ReplayAsync(Selected.Id, DeliveryId, errors, CancellationToken.None);
            ReplaySnackbar.Show(Snackbar, replay?.Delivery.Id, errors);
        }
        finally
        {
            replaying = false;
        }
    }
}
