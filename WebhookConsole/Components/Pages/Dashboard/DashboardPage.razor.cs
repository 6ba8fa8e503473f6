using Microsoft.AspNetCore.Components;
using MudBlazor;
using WebhookConsole.Features.Accounts;
using WebhookConsole.Features.Dashboard;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Components.Pages.Dashboard;

public partial class DashboardPage : IDisposable
{
    private DashboardSummary? summary;
    private DashboardPeriod period = DashboardPeriod.Last24Hours;
    private bool loading;

    [Inject] private DashboardService Dashboard { get; set; } = default!;
    [Inject] private WebhookService Webhooks { get; set; } = default!;
    [Inject] private SelectedAccount Selected { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Selected.Changed += ReloadAsync;
        await Selected.EnsureAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        loading = true;
        try
        {
            summary = await Dashboard.GetAsync(Selected.Id, period, CancellationToken.None);
        }
        finally
        {
            loading = false;
        }
    }

    private async Task ReloadAsync()
    {
        await LoadAsync();
        await InvokeAsync(StateHasChanged);
    }

    private async Task SelectPeriodAsync(DashboardPeriod value)
    {
        if (value == period)
        {
            return;
        }
        period = value;
        await LoadAsync();
    }

    /// <summary>The same path as the webhooks list: enabling resets the failure count and clears the reason.</summary>
    private async Task ReEnableAsync(WebhookProblem problem)
    {
        var saved = await Webhooks.SetEnabledAsync(Selected.Id, problem.WebhookId, true, CancellationToken.None);
        Snackbar.Add(saved is null ? "The webhook no longer exists" : $"Webhook '{problem.Name}' enabled again",
            saved is null ? Severity.Warning : Severity.Success);
        await LoadAsync();
    }

    public void Dispose() => Selected.Changed -= ReloadAsync;
}
