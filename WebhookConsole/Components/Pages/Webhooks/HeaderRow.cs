namespace WebhookConsole.Components.Pages.Webhooks;

/// <summary>One custom header as edited: a row of the headers editor.</summary>
public sealed class HeaderRow
{
    public string Name { get; set; } = "";
    public string Value { get; set; } = "";

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrEmpty(Value);
}
