namespace WebhookConsole.Features.Tokens;

/// <summary>Who is calling the API: the account and token behind an <c>X-Auth-Token</c>.</summary>
internal sealed record ApiCaller(Guid AccountId, string AccountName, Guid TokenId, string TokenName);
