namespace WebhookConsole.Features.Tokens;

internal sealed record WhoAmIResponse(Guid AccountId, string AccountName, string TokenName);
