namespace WebhookConsole.Components.Pages.Webhooks;

/// <summary>The edit form as last loaded or saved: the admin is asked before leaving once the form differs from it.</summary>
internal sealed class SavedFormSnapshot
{
    private string? snapshot;

    /// <param name="withSecret">A new webhook's secret is part of what is saved; an existing one's is not (see <see cref="WebhookForm.Snapshot"/>).</param>
    public void Take(WebhookForm? form, bool withSecret) => snapshot = form?.Snapshot(withSecret);

    public bool Differs(WebhookForm? form, bool withSecret) => form is not null && snapshot is not null && form.Snapshot(withSecret) != snapshot;
}
