namespace WebhookConsole.Features.Tokens;

/// <summary>
/// Tells the cache of token callers that a token was revoked, so it forgets what it remembers at once. With
/// PostgreSQL, revocations made on this node are passed on to the other nodes and theirs come back through
/// <see cref="AnnounceFromOtherNode"/>; should that news not arrive, the cache's entries expire all the same.
/// </summary>
internal sealed class ApiTokenChanges
{
    /// <summary>Every change: made on this node or on another one.</summary>
    public event Action? Changed;

    /// <summary>Only the changes made on this node, for telling the other nodes.</summary>
    public event Action? ChangedHere;

    public void Announce()
    {
        Changed?.Invoke();
        ChangedHere?.Invoke();
    }

    /// <summary>Another node revoked a token, or this node may have missed such news: told to this node alone.</summary>
    public void AnnounceFromOtherNode() => Changed?.Invoke();
}
