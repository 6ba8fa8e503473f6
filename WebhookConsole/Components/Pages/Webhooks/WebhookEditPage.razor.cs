using Microsoft.AspNetCore.Components;
using MudBlazor;
using WebhookConsole.Api;
using WebhookConsole.Dispatching;
using WebhookConsole.Dispatching.Signing;
using WebhookConsole.Features.Accounts;
using WebhookConsole.Features.Environments;
using WebhookConsole.Features.EventTypes;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Components.Pages.Webhooks;

public partial class WebhookEditPage : IDisposable
{
    private readonly SavedFormSnapshot savedForm = new();
    private WebhookFormPreview? formPreview;
    private List<EventTypeOption> events = [];
    private List<EnvironmentOption> environments = [];
    private List<Guid> loadedEnvironmentIds = [];
    private WebhookEndpoint? stored;
    private WebhookForm? form;
    private Dictionary<string, string> errors = [];
    private WebhookPreviewResult preview = new(null, null);
    private string? loadedId;
    private string? newSecret;
    /// <summary>The fields changed elsewhere since the form was loaded, when a save was refused for them.</summary>
    private List<string>? conflict;
    private bool loading = true;
    private bool saving;

    [Inject] private WebhookService Webhooks { get; set; } = default!;
    [Inject] private WebhookEditor Editor { get; set; } = default!;
    [Inject] private WebhookPreview Preview { get; set; } = default!;
    [Inject] private EventTypeCatalog Catalog { get; set; } = default!;
    [Inject] private EnvironmentService Environments { get; set; } = default!;
    [Inject] private SecretProtector Secrets { get; set; } = default!;
    [Inject] private SelectedAccount Selected { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The webhook's UUID; null on <c>/webhooks/new</c>.</summary>
    [Parameter] public string? Id { get; set; }

    private bool IsNew => Id is null;

    private string? StoredScheme => stored is null ? null : SigningSchemeNames.ToWire(stored.Signing);

    private EventTypeOption? PreviewEvent => events.FirstOrDefault(e => e.Name == PreviewEventName);

    private string PreviewEventName => WebhookFormPreview.EventNameOf(form);

    private string PreviewEnvironment => WebhookFormPreview.EnvironmentOf(form, environments);

    private IReadOnlyList<KeyValuePair<string, string>> PreviewHeaders => preview.Request?.Headers ?? [];

    /// <summary>A new webhook's secret is saved with it; an existing one's is revealed or rotated apart from the form.</summary>
    private bool FormHasSecret => stored is null;

    protected override void OnInitialized()
    {
        formPreview = new WebhookFormPreview(Preview, Secrets);
        Selected.Changed += AccountChangedAsync;
    }

    protected override async Task OnParametersSetAsync()
    {
        if (loadedId == (Id ?? "") && form is not null)
        {
            return;
        }
        loadedId = Id ?? "";
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        (loading, errors, newSecret, conflict) = (true, [], null, null);
        await Selected.EnsureAsync();
        // Only once interactive: the prerender's notice would be thrown away with it, and its switch leave none to show.
        if (Guid.TryParse(Id, out var wanted) && RendererInfo.IsInteractive)
        {
            await FollowWebhookAsync(wanted);
        }
        events = [.. (await Catalog.ListAsync(CancellationToken.None)).Select(t => new EventTypeOption(t.Name, t.Description, t.SampleJson))];
        environments = [.. (await Environments.ListAsync(Selected.Id, CancellationToken.None)).Select(e => new EnvironmentOption(e.Id, e.Name))];
        if (Id is null)
        {
            stored = null;
            form = new WebhookForm { Secret = WebhookSecrets.Generate(SigningScheme.Standard) };
        }
        else
        {
            stored = Guid.TryParse(Id, out var id) ? await Webhooks.GetAsync(Selected.Id, id, CancellationToken.None) : null;
            loadedEnvironmentIds = stored is null ? [] : await Editor.EnvironmentIdsAsync(Selected.Id, stored.Id, CancellationToken.None);
            form = stored is null ? null : WebhookForm.From(stored, loadedEnvironmentIds);
        }
        // A webhook of another account is found once interactive (above): the prerender shows progress, not "not found".
        (loading, saving) = (form is null && Id is not null && !RendererInfo.IsInteractive, false);
        savedForm.Take(form, FormHasSecret);
        FormChanged();
    }

    private async Task AccountChangedAsync()
    {
        // Another account has other webhooks: an open one would belong to the wrong tenant.
        if (!Selected.Following)
        {
            await InvokeAsync(() => Navigation.NavigateTo("/webhooks"));
        }
    }

    /// <summary>A webhook of another account than the selected one (a bookmark, a link) switches to its account.</summary>
    private async Task FollowWebhookAsync(Guid webhookId)
    {
        if (await Selected.FollowAsync(await Webhooks.AccountIdOfAsync(webhookId, CancellationToken.None)))
        {
            Snackbar.Add($"Switched to account '{Selected.Name}', which this webhook belongs to.", Severity.Info);
        }
    }

    private async Task ReloadStoredAsync()
    {
        if (stored is not null)
        {
            stored = await Webhooks.GetAsync(Selected.Id, stored.Id, CancellationToken.None) ?? stored;
        }
        FormChanged();
    }

    private bool HasUnsavedChanges() => savedForm.Differs(form, FormHasSecret);

    private void FormChanged()
    {
        if (form is not null && formPreview is not null)
        {
            preview = formPreview.Build(form, stored, Selected.Id, PreviewEvent, PreviewEnvironment);
        }
    }

    private Task SaveAsync() => SaveAsync(overwrite: false);

    /// <summary>Saves what the form holds even though the webhook was changed elsewhere since it was loaded.</summary>
    private Task OverwriteAsync() => SaveAsync(overwrite: true);

    private async Task SaveAsync(bool overwrite)
    {
        // A double click delivers a second click while the first save awaits the database: it must not save again.
        if (form is null || saving)
        {
            return;
        }
        saving = true;
        var created = false;
        try
        {
            var faults = new FieldErrors();
            var input = form.ToInput(includeSecret: stored is null, faults);
            var loadedFrom = stored is null || overwrite ? null : new WebhookEditBase(stored, loadedEnvironmentIds);
            var saved = await Editor.SaveAsync(Selected.Id, stored?.Id, input, form.EnvironmentIds, faults, CancellationToken.None, loadedFrom);
            errors = WebhookErrors.ByField(faults);
            conflict = faults.Items.TryGetValue(WebhookEditor.ConflictField, out var changed) ? [.. changed.Keys] : null;
            errors.Remove(WebhookEditor.ConflictField);
            if (saved is null)
            {
                Snackbar.Add(
                    conflict is not null ? "Not saved: this webhook was changed elsewhere meanwhile." :
                    faults.Any ? "Not saved: fix the fields marked in red." : "This webhook no longer exists.", Severity.Error);
                return;
            }
            Snackbar.Add(stored is null ? $"Webhook '{saved.Webhook.Name}' created" : $"Webhook '{saved.Webhook.Name}' saved", Severity.Success);
            if (stored is null)
            {
                // Still saving until the page has loaded the new webhook: a click meanwhile would create another.
                (created, stored) = (true, saved.Webhook);
                savedForm.Take(form, withSecret: false);
                Navigation.NavigateTo($"/webhooks/{saved.Webhook.Id}", replace: true);
                return;
            }
            (stored, loadedEnvironmentIds) = (saved.Webhook, [.. form.EnvironmentIds]);
            newSecret = saved.Secret;
            form.Secret = saved.Secret;
            savedForm.Take(form, withSecret: false);
            FormChanged();
        }
        finally
        {
            saving = created;
        }
    }

    private async Task ReEnableAsync()
    {
        if (stored is null || form is null)
        {
            return;
        }
        var saved = await Webhooks.SetEnabledAsync(Selected.Id, stored.Id, true, CancellationToken.None);
        if (saved is not null)
        {
            // Saved already: the switch turning on is no unsaved change.
            var clean = !HasUnsavedChanges();
            (stored, form.Enabled) = (saved.Webhook, true);
            if (clean)
            {
                savedForm.Take(form, withSecret: false);
            }
            Snackbar.Add("Webhook enabled again", Severity.Success);
        }
    }

    public void Dispose() => Selected.Changed -= AccountChangedAsync;
}
