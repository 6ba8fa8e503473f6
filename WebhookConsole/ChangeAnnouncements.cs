namespace WebhookConsole;

/// <summary>
/// Tells the caches of one kind of setup that it changed, so they forget what they remember at once. With
/// PostgreSQL, changes made on this node are passed on to the other nodes and theirs come back through
/// <see cref="AnnounceFromOtherNode"/>; should that news not arrive, the caches' entries expire all the same.
/// </summary>
internal abstract class ChangeAnnouncements
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

    /// <summary>Another node made such a change, or this node may have missed such news: told to this node alone.</summary>
    public void AnnounceFromOtherNode() => Changed?.Invoke();
}
