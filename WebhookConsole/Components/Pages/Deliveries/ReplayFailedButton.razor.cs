using Microsoft.AspNetCore.Components;
using MudBlazor;
using WebhookConsole.Components.Shared;
using WebhookConsole.Features.Accounts;
using WebhookConsole.Features.Deliveries;

namespace WebhookConsole.Components.Pages.Deliveries;

/// <summary>
/// The history's bulk replay: counts the failed deliveries the filters match, asks (warning of disabled webhooks),
/// replays them in the background and reports its progress, then <c>null</c> once it is over.
/// </summary>
public partial class ReplayFailedButton
{
    private bool running;

    [Inject] private DeliveryQueryService Queries { get; set; } = default!;
    [Inject] private ReplayService Replays { get; set; } = default!;
    [Inject] private SelectedAccount Selected { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ILogger<ReplayFailedButton> Logger { get; set; } = default!;

    [Parameter, EditorRequired] public DeliveryFilterState Filters { get; set; } = default!;

    /// <summary>The account's disabled webhooks, read afresh: one disabled since the page opened is warned of too.</summary>
    [Parameter, EditorRequired] public Func<Task<IReadOnlyList<WebhookLabel>>> DisabledWebhooks { get; set; } = default!;

    /// <summary>Deliveries replayed of those to replay while the replay runs; <c>null</c> when it is over.</summary>
    [Parameter] public EventCallback<(int Done, int Total)?> ProgressChanged { get; set; }

    private async Task ReplayFailedAsync()
    {
        var filter = Filters.ToFilter() with { Status = DeliveryStatus.Failed };
        var count = await Queries.CountAsync(Selected.Id, filter, CancellationToken.None);
        if (count == 0)
        {
            Snackbar.Add("No failed deliveries match the filters.", Severity.Info);
            return;
        }
        var question = await FailedReplayQuestion.WriteAsync(Queries, Selected.Id, filter, count, await DisabledWebhooks(), CancellationToken.None);
        if (!await ConfirmDialog.AskAsync(Dialogs, "Replay failed deliveries", question, $"Replay {count}"))
        {
            return;
        }
        running = true;
        await ProgressChanged.InvokeAsync((0, count));
        var progress = new Progress<(int Done, int Total)>(p => _ = InvokeAsync(async () =>
        {
            // A report that arrives after the end must not bring the bar back.
            if (running)
            {
                await ProgressChanged.InvokeAsync(p);
            }
        }));
        try
        {
            var replayed = await Task.Run(() => Replays.ReplayManyAsync(Selected.Id, filter, CancellationToken.None, progress));
            Snackbar.Add($"Replayed {replayed} {(replayed == 1 ? "delivery" : "deliveries")}.", Severity.Success);
        }
        catch (Exception ex)
        {
            Logger.LogError(ex, "Bulk replay failed");
            Snackbar.Add("The replay stopped: " + ex.Message, Severity.Error);
        }
        finally
        {
            running = false;
        }
        await ProgressChanged.InvokeAsync(null);
    }
}
