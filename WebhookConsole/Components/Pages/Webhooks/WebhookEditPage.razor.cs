using System.Text.Json;
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
    private readonly Dictionary<string, string> previewSecrets = [];
    private List<EventTypeOption> events = [];
    private List<EnvironmentOption> environments = [];
    private List<Guid> loadedEnvironmentIds = [];
    private WebhookEndpoint? stored;
    private WebhookForm? form;
    private Dictionary<string, string> errors = [];
    private WebhookPreviewResult preview = new(null, null);
    private string? loadedId;
    private string? newSecret;
    /// <summary>The form as last loaded or saved; the admin is asked before leaving once it differs.</summary>
    private string? savedSnapshot;
    /// <summary>The fields changed elsewhere since the form was loaded, when a save was refused for them.</summary>
    private List<string>? conflict;
    private bool loading = true;
    private bool saving;
    private bool testing;

    [Inject] private WebhookService Webhooks { get; set; } = default!;
    [Inject] private WebhookEditor Editor { get; set; } = default!;
    [Inject] private WebhookPreview Preview { get; set; } = default!;
    [Inject] private EventTypeCatalog Catalog { get; set; } = default!;
    [Inject] private EnvironmentService Environments { get; set; } = default!;
    [Inject] private SecretProtector Secrets { get; set; } = default!;
    [Inject] private SelectedAccount Selected { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The webhook's UUID; null on <c>/webhooks/new</c>.</summary>
    [Parameter] public string? Id { get; set; }

    private bool IsNew => Id is null;

    private string? StoredScheme => stored is null ? null : SigningSchemeNames.ToWire(stored.Signing);

    private EventTypeOption? PreviewEvent => events.FirstOrDefault(e => e.Name == PreviewEventName);

    private string PreviewEventName => form is null || form.Event == WebhookEndpoint.AnyEvent ? WebhookTestService.DefaultEventForAny : form.Event;

    /// <summary>The environment a test event would carry: the first subscribing one by name.</summary>
    private string PreviewEnvironment => environments.Where(e => form?.EnvironmentIds.Contains(e.Id) == true)
        .Select(e => e.Name).Order(StringComparer.Ordinal).FirstOrDefault() ?? WebhookTestService.FallbackEnvironment;

    private IReadOnlyList<KeyValuePair<string, string>> PreviewHeaders => preview.Request?.Headers ?? [];

    private static string ConflictMessage(List<string> fields) =>
        $"Not saved: since this page was opened, this webhook's {WebhookFieldLabels.List(fields)} changed elsewhere (in another tab, "
        + "by another admin, or by the dispatcher). Reload to see those changes and drop yours, or save yours over them.";

    protected override void OnInitialized() => Selected.Changed += AccountChangedAsync;

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
        savedSnapshot = form?.Snapshot(withSecret: stored is null);
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

    private bool HasUnsavedChanges() => form is not null && savedSnapshot is not null && form.Snapshot(withSecret: stored is null) != savedSnapshot;

    private void FormChanged()
    {
        if (form is not null)
        {
            preview = BuildPreview(form);
        }
    }

    private WebhookPreviewResult BuildPreview(WebhookForm edited)
    {
        if (PreviewEvent is not { } type)
        {
            return new(null, $"The catalogue has no event type '{PreviewEventName}' to preview with.");
        }
        if (string.IsNullOrWhiteSpace(edited.Url) || !Uri.TryCreate(edited.Url.Trim(), UriKind.Absolute, out _))
        {
            return new(null, "Enter an absolute URL to see the request.");
        }
        if (edited.ParseCustomData(null) is null && !string.IsNullOrWhiteSpace(edited.CustomData))
        {
            return new(null, "Fix the custom data to see the request.");
        }
        SigningSchemeNames.TryParse(edited.Signing, out var scheme);
        var draft = new WebhookEndpoint
        {
            Id = stored?.Id ?? Guid.Empty,
            AccountId = Selected.Id,
            Method = edited.Method,
            Url = edited.Url.Trim(),
            BodyTemplate = string.IsNullOrWhiteSpace(edited.Template) ? null : edited.Template,
            CustomDataJson = edited.ParseCustomData(null)?.ToJsonString(),
            HeadersJson = JsonSerializer.Serialize(edited.HeaderDictionary(null)),
            Signing = scheme,
            TimeoutSeconds = edited.TimeoutSeconds,
        };
        SetPreviewSecret(draft, edited.Secret);
        var built = Preview.Build(draft, new EventType { Name = type.Name, SampleJson = type.SampleJson }, PreviewEnvironment);
        return built.Error is { } error ? built with { Error = "The request cannot be built: " + error } : built;
    }

    /// <summary>Signs the preview as a delivery would be: with the secret shown here, else the stored ones, else a stand-in.</summary>
    private void SetPreviewSecret(WebhookEndpoint draft, string? secret)
    {
        if (draft.Signing == SigningScheme.None)
        {
            return;
        }
        if (stored is not null && stored.Signing == draft.Signing && secret is null)
        {
            (draft.SecretProtected, draft.PreviousSecretProtected, draft.PreviousSecretExpiresAt) =
                (stored.SecretProtected, stored.PreviousSecretProtected, stored.PreviousSecretExpiresAt);
            return;
        }
        var plain = secret is not null && WebhookSecrets.Validate(draft.Signing, secret) is null ? secret : StandIn(draft.Signing);
        if (!previewSecrets.TryGetValue(plain, out var protectedSecret))
        {
            protectedSecret = Secrets.Protect(plain);
            previewSecrets[plain] = protectedSecret;
        }
        draft.SecretProtected = protectedSecret;
    }

    private string StandIn(SigningScheme scheme)
    {
        var key = "stand-in:" + scheme;
        if (!previewSecrets.TryGetValue(key, out var plain))
        {
            plain = WebhookSecrets.Generate(scheme);
            previewSecrets[key] = plain;
        }
        return plain;
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
                savedSnapshot = form.Snapshot(withSecret: false);
                Navigation.NavigateTo($"/webhooks/{saved.Webhook.Id}", replace: true);
                return;
            }
            (stored, loadedEnvironmentIds) = (saved.Webhook, [.. form.EnvironmentIds]);
            newSecret = saved.Secret;
            form.Secret = saved.Secret;
            savedSnapshot = form.Snapshot(withSecret: false);
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
                savedSnapshot = form.Snapshot(withSecret: false);
            }
            Snackbar.Add("Webhook enabled again", Severity.Success);
        }
    }

    private async Task SendTestAsync()
    {
        if (stored is null || testing)
        {
            return;
        }
        // One test at a time: a double click would otherwise send two and stack two dialogs.
        testing = true;
        try
        {
            await TestResultDialog.ShowAsync(Dialogs, Selected.Id, stored.Id, stored.Name, stored.EventType);
        }
        finally
        {
            testing = false;
        }
    }

    public void Dispose() => Selected.Changed -= AccountChangedAsync;
}
