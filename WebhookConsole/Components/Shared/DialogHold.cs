using MudBlazor;

namespace WebhookConsole.Components.Shared;

/// <summary>
/// Keeps a dialog open while it saves: Escape and a click beside it would otherwise cancel it mid-save, and the page
/// that opened it would take the saved change (or a token shown only once) for cancelled.
/// </summary>
internal sealed class DialogHold : IAsyncDisposable
{
    private readonly IMudDialogInstance dialog;
    private readonly DialogOptions options;

    private DialogHold(IMudDialogInstance dialog, DialogOptions options)
    {
        this.dialog = dialog;
        this.options = options;
    }

    public static async Task<DialogHold> StartAsync(IMudDialogInstance dialog)
    {
        var options = dialog.Options;
        await dialog.SetOptionsAsync(options with { CloseOnEscapeKey = false, BackdropClick = false });
        return new DialogHold(dialog, options);
    }

    /// <summary>Gives the dialog its own options back.</summary>
    public async ValueTask DisposeAsync() => await dialog.SetOptionsAsync(options);
}
