namespace WebhookConsole.Components.Pages.Webhooks;

/// <summary>An entry of the event catalogue as the edit page offers it.</summary>
public sealed record EventTypeOption(string Name, string Description, string SampleJson);
