namespace WebhookConsole.Data.NodeChanges;

/// <summary>What a message between nodes says changed; the letter is its first character on the wire.</summary>
internal enum NodeChangeKind
{
    /// <summary><c>s</c>: webhooks, environments or subscriptions: caches of them forget everything.</summary>
    WebhookSetup,

    /// <summary><c>d</c>: the deliveries named in the message.</summary>
    Deliveries,

    /// <summary><c>m</c>: more deliveries than one message can name: open pages reload.</summary>
    ManyDeliveries,

    /// <summary><c>t</c>: an API token was revoked: the cache of token callers forgets everything.</summary>
    ApiTokens,
}
