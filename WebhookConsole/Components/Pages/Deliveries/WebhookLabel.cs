namespace WebhookConsole.Components.Pages.Deliveries;

/// <summary>How a webhook is named in the history and its filter.</summary>
public sealed record WebhookLabel(Guid Id, string Name, string Url)
{
    public string Text => string.IsNullOrWhiteSpace(Name) ? Url : Name;
}
