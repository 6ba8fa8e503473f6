using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using MudBlazor;
using WebhookConsole.Api;
using WebhookConsole.Dispatching.Signing;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.Webhooks;

namespace WebhookConsole.Components.Pages.Webhooks;

public partial class TestResultDialog
{
    private static readonly string[] SignatureHeaderNames =
        [SignatureHeaders.WebhookId, SignatureHeaders.WebhookTimestamp, SignatureHeaders.Standard, SignatureHeaders.Frejun, SignatureHeaders.Hex];

    private DeliveryAttempt? attempt;
    private string? problem;
    private bool sending;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] private WebhookTestService Tests { get; set; } = default!;
    [Inject] private ILogger<TestResultDialog> Logger { get; set; } = default!;

    [Parameter] public Guid AccountId { get; set; }
    [Parameter] public Guid WebhookId { get; set; }
    /// <summary>The webhook's event; <c>*</c> tests with the default event.</summary>
    [Parameter] public string EventType { get; set; } = WebhookEndpoint.AnyEvent;

    /// <summary>Sends a test of the webhook in this dialog and completes when the dialog is closed.</summary>
    public static async Task ShowAsync(IDialogService dialogs, Guid accountId, Guid webhookId, string webhookName, string eventType)
    {
        var dialog = await dialogs.ShowAsync<TestResultDialog>($"Test of {webhookName}", new DialogParameters<TestResultDialog>
        {
            { d => d.AccountId, accountId },
            { d => d.WebhookId, webhookId },
            { d => d.EventType, eventType },
        }, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true });
        await dialog.Result;
    }

    private string EventName => EventType == WebhookEndpoint.AnyEvent ? WebhookTestService.DefaultEventForAny : EventType;

    private bool Succeeded => attempt is { StatusCode: >= 200 and < 300, Error: null };

    private IEnumerable<(string Name, string Value)> SignatureHeadersSent
    {
        get
        {
            var sent = attempt is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(attempt.RequestHeadersJson) ?? [];
            var headers = new Dictionary<string, string>(sent, StringComparer.OrdinalIgnoreCase);
            foreach (var name in SignatureHeaderNames)
            {
                if (headers.TryGetValue(name, out var value))
                {
                    yield return (name, value);
                }
            }
        }
    }

    protected override Task OnInitializedAsync() => SendAsync();

    private async Task SendAsync()
    {
        (sending, problem, attempt) = (true, null, null);
        StateHasChanged();
        try
        {
            var errors = new FieldErrors();
            attempt = await Tests.SendAsync(AccountId, WebhookId, null, errors, CancellationToken.None);
            if (attempt is null)
            {
                problem = errors.Any ? "The test was not sent: " + errors.Summary() : "This webhook no longer exists.";
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError(ex, "Test send to webhook {WebhookId} failed", WebhookId);
            problem = "The test could not be sent: " + ex.Message;
        }
        finally
        {
            sending = false;
        }
    }

    private static string ReasonPhrase(int code) => ReasonPhrases.GetReasonPhrase(code);
}
