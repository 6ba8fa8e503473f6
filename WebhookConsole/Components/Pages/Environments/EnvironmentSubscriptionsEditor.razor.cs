using Microsoft.AspNetCore.Components;
using MudBlazor;
using WebhookConsole.Api;
using WebhookConsole.Components.Shared;
using WebhookConsole.Features.Environments;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Components.Pages.Environments;

public partial class EnvironmentSubscriptionsEditor
{
    private List<WebhookEndpoint>? webhooks;
    /// <summary>The webhooks the search and the switch keep, the table's pages drawn from them.</summary>
    private List<WebhookEndpoint> shown = [];
    private bool subscribedOnly;
    private int pageIndex;
    private HashSet<Guid> saved = [];
    private HashSet<Guid> chosen = [];
    private string environmentName = "";
    private string? search;
    private bool busy;

    [Inject] private EnvironmentService Environments { get; set; } = default!;
    [Inject] private WebhookService Webhooks { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter] public Guid AccountId { get; set; }
    [Parameter] public Guid EnvironmentId { get; set; }
    /// <summary>Called after the subscriptions were saved.</summary>
    [Parameter] public EventCallback OnSaved { get; set; }
    [Parameter] public EventCallback OnClose { get; set; }

    private int Added => chosen.Count(id => !saved.Contains(id));
    private int Removed => saved.Count(id => !chosen.Contains(id));
    private bool Changed => !chosen.SetEquals(saved);

    protected override async Task OnInitializedAsync()
    {
        var environment = await Environments.GetAsync(AccountId, EnvironmentId, CancellationToken.None);
        if (environment is null)
        {
            await OnClose.InvokeAsync();
            return;
        }
        environmentName = environment.Name;
        saved = environment.Subscriptions.Select(s => s.WebhookId).ToHashSet();
        chosen = [.. saved];
        webhooks = await Webhooks.ListAsync(AccountId, CancellationToken.None);
        Filter();
    }

    /// <summary>
    /// Keeps what matches. "Subscribed only" keeps the webhooks subscribed when last saved as well as those ticked
    /// since, so a row unticked by mistake stays to be ticked again.
    /// </summary>
    private void Filter()
    {
        shown = (webhooks ?? []).Where(w => Matches(w) && (!subscribedOnly || chosen.Contains(w.Id) || saved.Contains(w.Id))).ToList();
        pageIndex = new TablePaging(pageIndex, TablePaging.Sizes[0]).Within(shown.Count).PageIndex;
    }

    private void SearchChanged(string? value)
    {
        (search, pageIndex) = (value, 0);
        Filter();
    }

    private void SubscribedOnlyChanged(bool value)
    {
        (subscribedOnly, pageIndex) = (value, 0);
        Filter();
    }

    private bool Matches(WebhookEndpoint webhook)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return true;
        }
        var term = search.Trim();
        return webhook.EventType.Contains(term, StringComparison.OrdinalIgnoreCase)
            || webhook.Url.Contains(term, StringComparison.OrdinalIgnoreCase)
            || webhook.Method.Contains(term, StringComparison.OrdinalIgnoreCase)
            || webhook.Name.Contains(term, StringComparison.OrdinalIgnoreCase)
            || (webhook.Enabled ? "enabled" : "disabled").StartsWith(term, StringComparison.OrdinalIgnoreCase);
    }

    private void Toggle(Guid webhookId, bool on)
    {
        if (on)
        {
            chosen.Add(webhookId);
        }
        else
        {
            chosen.Remove(webhookId);
        }
    }

    private void SelectShown() => chosen.UnionWith(shown.Select(w => w.Id));

    private void ClearShown() => chosen.ExceptWith(shown.Select(w => w.Id));

    private void Reset() => chosen = [.. saved];

    /// <summary>
    /// The whole set in one update, so the environment never holds half of a change. Only the ticks changed here are
    /// applied, to the subscriptions as they are now: a webhook subscribed or unsubscribed elsewhere meanwhile (on its
    /// edit page, in another tab) keeps that change unless it was ticked here too.
    /// </summary>
    private async Task SaveAsync()
    {
        busy = true;
        var (added, removed) = (Added, Removed);
        var current = await Environments.GetAsync(AccountId, EnvironmentId, CancellationToken.None);
        var wanted = (current?.Subscriptions.Select(s => s.WebhookId) ?? saved)
            .Where(id => chosen.Contains(id) || !saved.Contains(id))
            .Concat(chosen.Where(id => !saved.Contains(id)))
            .ToHashSet();
        var input = new EnvironmentInput
        {
            Fields = new HashSet<string> { EnvironmentInputParser.Webhooks },
            Webhooks = wanted.Order().ToList(),
        };
        var errors = new FieldErrors();
        var result = current is null ? null : await Environments.UpdateAsync(AccountId, EnvironmentId, input, replace: false, errors, CancellationToken.None);
        busy = false;
        if (result is null)
        {
            Snackbar.Add(errors.Any ? $"Not saved: {errors.Summary()}" : "This environment no longer exists.", Severity.Error);
            return;
        }
        saved = result.Subscriptions.Select(s => s.WebhookId).ToHashSet();
        chosen = [.. saved];
        Filter();
        Snackbar.Add($"Subscriptions of '{result.Name}' saved: {added} added, {removed} removed", Severity.Success);
        await OnSaved.InvokeAsync();
    }
}
