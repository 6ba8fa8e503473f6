namespace WebhookConsole.Components.Pages.Webhooks;

/// <summary>An environment the edit page can subscribe to the webhook.</summary>
public sealed record EnvironmentOption(Guid Id, string Name);
