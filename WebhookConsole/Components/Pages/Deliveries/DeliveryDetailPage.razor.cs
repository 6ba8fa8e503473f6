using Microsoft.AspNetCore.Components;
using MudBlazor;
using WebhookConsole.Api;
using WebhookConsole.Components.Shared;
using WebhookConsole.Features.Accounts;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Components.Pages.Deliveries;

/// <summary>One delivery: the event's payload and every attempt's request and response; it follows a retrying delivery live.</summary>
public partial class DeliveryDetailPage : IDisposable
{
    private static readonly TimeSpan LiveInterval = TimeSpan.FromMilliseconds(500);

    private DeliveryDetail? detail;
    private string? webhookName;
    private string? webhookUrl;
    private bool webhookDisabled;
    private bool loading = true;
    private DeliveryChangeCoalescer? live;

    [Parameter] public Guid Id { get; set; }

    [Inject] private DeliveryQueryService Queries { get; set; } = default!;
    [Inject] private DeliveryChanges Changes { get; set; } = default!;
    [Inject] private WebhookService Webhooks { get; set; } = default!;
    [Inject] private SelectedAccount Selected { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private ILogger<DeliveryDetailPage> Logger { get; set; } = default!;

    protected override void OnInitialized()
    {
        Selected.Changed += AccountChangedAsync;
        live = new DeliveryChangeCoalescer(Changes, LiveInterval, Time, Logger,
            ids => ids.Contains(Id) ? ReloadAsync() : Task.CompletedTask, ReloadAsync);
    }

    protected override async Task OnParametersSetAsync()
    {
        loading = true;
        // Only once interactive: the prerender's notice would be thrown away with it, and its switch leave none to show.
        if (RendererInfo.IsInteractive)
        {
            await FollowDeliveryAsync();
        }
        await LoadAsync();
    }

    private Task ReloadAsync() => InvokeAsync(async () =>
    {
        await LoadAsync();
        StateHasChanged();
    });

    private async Task LoadAsync()
    {
        try
        {
            var accountId = await Selected.EnsureAsync();
            detail = await Queries.DetailAsync(accountId, Id, CancellationToken.None);
            var webhook = detail is null ? null : await Webhooks.GetAsync(accountId, detail.View.Delivery.WebhookId, CancellationToken.None);
            (webhookName, webhookUrl, webhookDisabled) = (webhook?.Name, webhook?.Url, webhook is { Enabled: false });
        }
        finally
        {
            // A delivery of another account is found once interactive: the prerender shows progress, not "not found".
            loading = detail is null && !RendererInfo.IsInteractive;
        }
    }

    private async Task AccountChangedAsync() => await InvokeAsync(async () =>
    {
        if (Selected.Following)
        {
            return;
        }
        await LoadAsync();
        StateHasChanged();
    });

    /// <summary>A delivery of another account than the selected one (a bookmark, a link) switches to its account.</summary>
    private async Task FollowDeliveryAsync()
    {
        if (await Selected.FollowAsync(await Queries.AccountIdOfAsync(Id, CancellationToken.None)))
        {
            Snackbar.Add($"Switched to account '{Selected.Name}', which this delivery belongs to.", Severity.Info);
        }
    }

    public void Dispose()
    {
        Selected.Changed -= AccountChangedAsync;
        live?.Dispose();
    }
}
