using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using WebhookConsole.Components.Shared;
using WebhookConsole.Dispatching.Templates;

namespace WebhookConsole.Components.Pages.Webhooks;

public partial class TemplateEditor : IAsyncDisposable
{
    private const string Placeholder = "{\n  \"call_id\": \"{{ uuid }}\",\n  \"duration\": \"{{ duration }}\",\n  \"event\": \"{{ meta.event }}\"\n}";

    private IReadOnlyList<string> fields = [];
    private string? fieldsOf;
    private TemplateError? fault;
    private IJSObjectReference? module;

    [Inject] private TemplateRenderer Renderer { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Parameter] public string Value { get; set; } = "";
    [Parameter] public EventCallback<string> ValueChanged { get; set; }
    /// <summary>The chosen event type, whose sample's fields are offered.</summary>
    [Parameter] public string EventName { get; set; } = "";
    [Parameter] public string? SampleJson { get; set; }
    /// <summary>The fault the last save reported, shown until the template is valid as typed.</summary>
    [Parameter] public string? SaveError { get; set; }

    private string? ShownFault => fault is { } f ? $"Line {f.Line}, column {f.Column}: {f.Message}" : SaveError;

    protected override void OnParametersSet()
    {
        fault = Renderer.Validate(Value);
        if (fieldsOf != SampleJson)
        {
            (fieldsOf, fields) = (SampleJson, TemplateFields.Of(SampleJson));
        }
    }

    private async Task ChangedAsync(string? text)
    {
        Value = text ?? "";
        fault = Renderer.Validate(Value);
        await ValueChanged.InvokeAsync(Value);
    }

    private Task FormatAsync() => ChangedAsync(JsonText.Pretty(Value));

    private async Task InsertAsync(string field) => await ChangedAsync(PlaceholderInserter.Insert(Value, field, await CaretAsync()));

    /// <summary>The offending line with a marker under the column.</summary>
    private string? FaultLine(TemplateError error)
    {
        var lines = Value.Split('\n');
        if (error.Line < 1 || error.Line > lines.Length)
        {
            return null;
        }
        var line = lines[error.Line - 1].TrimEnd('\r');
        return line + "\n" + new string(' ', Math.Clamp(error.Column - 1, 0, line.Length)) + "^";
    }

    /// <summary>Where the caret is in the text area, or null when the browser cannot tell.</summary>
    private async Task<int?> CaretAsync()
    {
        try
        {
            module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Pages/Webhooks/TemplateEditor.razor.js");
            return module is null ? null : await module.InvokeAsync<int?>("caret", "webhook-template");
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or InvalidOperationException or TaskCanceledException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (module is not null)
        {
            try
            {
                await module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; so is the module.
            }
        }
        GC.SuppressFinalize(this);
    }
}
