using Microsoft.AspNetCore.Components;
using MudBlazor;
using WebhookConsole.Api;
using WebhookConsole.Components.Shared;
using WebhookConsole.Dispatching.Signing;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Components.Pages.Webhooks;

public partial class SecretField
{
    private const string Masked = "••••••••••••••••••••••••";

    private bool revealed;
    private bool busy;
    private string? rotated;

    [Inject] private WebhookEditor Editor { get; set; } = default!;
    [Inject] private WebhookService Webhooks { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter] public Guid AccountId { get; set; }
    /// <summary>The stored webhook, or null while it is being created.</summary>
    [Parameter] public Guid? WebhookId { get; set; }
    /// <summary>The scheme's wire name as chosen in the form.</summary>
    [Parameter] public string Scheme { get; set; } = "standard";
    [Parameter] public EventCallback<string> SchemeChanged { get; set; }
    /// <summary>The scheme as stored; a different <see cref="Scheme"/> gets a new secret when saved.</summary>
    [Parameter] public string? StoredScheme { get; set; }
    /// <summary>The secret in clear text, when known here.</summary>
    [Parameter] public string? Secret { get; set; }
    [Parameter] public EventCallback<string?> SecretChanged { get; set; }
    /// <summary>After a rotation: the stored webhook changed.</summary>
    [Parameter] public EventCallback Rotated { get; set; }
    [Parameter] public string? Error { get; set; }

    private bool IsNew => WebhookId is null;

    private bool SchemeChanging => !IsNew && StoredScheme is not null && StoredScheme != Scheme;

    private string SchemeHelp => Scheme switch
    {
        "standard" => "v1,HMAC-SHA256 of {webhook-id}.{webhook-timestamp}.{body}, secret whsec_…",
        "frejun" => "HMAC-SHA256 of method + URL + body, base64",
        "hex" => "HMAC-SHA256 of the body, lower-case hex",
        _ => "Receivers cannot check where requests come from",
    };

    // Standard Webhooks headers carry several signatures; frejun's and hex's carry one, which receivers compare whole.
    private bool SignsWithBoth => Scheme == "standard";

    private string RotateTip => SignsWithBoth
        ? "Make a new secret now; the old one keeps signing beside it for 24 hours"
        : "Make a new secret now; it signs every request from now on";

    private string RotationEffect => SignsWithBoth
        ? "The previous secret keeps signing beside it for 24 hours, so receivers can switch without losing requests."
        : "This scheme's header carries one signature, so the new secret signs every request from now on: give it to the receiver now (requests it refuses meanwhile are retried).";

    private async Task SchemeChangedAsync(string? scheme)
    {
        Scheme = scheme ?? "standard";
        await SchemeChanged.InvokeAsync(Scheme);
        if (IsNew)
        {
            // A secret of one scheme does not fit another.
            await GenerateAsync();
        }
    }

    private async Task GenerateAsync()
    {
        SigningSchemeNames.TryParse(Scheme, out var scheme);
        Secret = scheme == SigningScheme.None ? null : WebhookSecrets.Generate(scheme);
        await SecretChanged.InvokeAsync(Secret);
    }

    private async Task ToggleRevealAsync()
    {
        if (revealed || IsNew || Secret is not null)
        {
            revealed = !revealed;
            return;
        }
        busy = true;
        try
        {
            Secret = await Editor.RevealSecretAsync(AccountId, WebhookId!.Value, CancellationToken.None);
            revealed = Secret is not null;
            if (Secret is null)
            {
                // Deleted meanwhile (in another tab, say) reads the same as no secret; say which it is.
                var gone = await Webhooks.GetAsync(AccountId, WebhookId!.Value, CancellationToken.None) is null;
                Snackbar.Add(gone ? "This webhook no longer exists." : "This webhook has no secret yet; save it to make one.",
                    gone ? Severity.Error : Severity.Info);
            }
            await SecretChanged.InvokeAsync(Secret);
        }
        finally
        {
            busy = false;
        }
    }

    private async Task RotateAsync()
    {
        // Busy from the first click: a double click would otherwise ask twice and rotate twice, and the secret made by
        // the first rotation, never shown, would be the one left signing beside the new.
        if (busy)
        {
            return;
        }
        busy = true;
        try
        {
            var question = SignsWithBoth
                ? "Make a new secret now? Requests are signed with both the new and the old secret for 24 hours, then with the new one only."
                : "Make a new secret now? Requests are signed with the new secret from now on.";
            if (!await ConfirmDialog.AskAsync(Dialogs, "Rotate secret", question, "Rotate"))
            {
                return;
            }
            var errors = new FieldErrors();
            var saved = await Webhooks.RotateSecretAsync(AccountId, WebhookId!.Value, errors, CancellationToken.None);
            if (saved?.Secret is null)
            {
                Snackbar.Add(errors.Any ? errors.Summary() : "This webhook no longer exists.", Severity.Error);
                return;
            }
            (rotated, Secret, revealed) = (saved.Secret, saved.Secret, false);
            await SecretChanged.InvokeAsync(Secret);
            await Rotated.InvokeAsync();
            Snackbar.Add("Secret rotated", Severity.Success);
        }
        finally
        {
            busy = false;
        }
    }
}
