using System.Text;

namespace WebhookConsole.Data.NodeChanges;

/// <summary>
/// One PostgreSQL notification between nodes: <c>kind|ids|sender</c>, the kind a letter, the ids (deliveries only)
/// in 32-digit hex separated by commas, the sender its <see cref="Dispatching.NodeIdentity"/> name, last so that
/// any character it holds parses. A payload this node does not understand (a newer node's) is ignored.
/// </summary>
internal sealed record NodeChangeMessage(NodeChangeKind Kind, string Sender, IReadOnlyList<Guid> DeliveryIds)
{
    /// <summary>The channel every node listens on; notifications stay within their database.</summary>
    public const string Channel = "webhookconsole_node_changes";

    /// <summary>PostgreSQL refuses a payload of 8000 bytes or more (in its default build).</summary>
    public const int MaxPayloadBytes = 7999;

    private const int IdChars = 32;

    public static NodeChangeMessage WebhookSetup(string sender) => new(NodeChangeKind.WebhookSetup, sender, []);

    public static NodeChangeMessage ApiTokens(string sender) => new(NodeChangeKind.ApiTokens, sender, []);

    public static NodeChangeMessage ManyDeliveries(string sender) => new(NodeChangeKind.ManyDeliveries, sender, []);

    public static NodeChangeMessage Deliveries(string sender, IReadOnlyList<Guid> ids) => new(NodeChangeKind.Deliveries, sender, ids);

    /// <summary>How many delivery ids one message from <paramref name="sender"/> can name within <see cref="MaxPayloadBytes"/>.</summary>
    public static int DeliveryCapacity(string sender) =>
        Math.Max(0, (MaxPayloadBytes - Header(sender) + 1) / (IdChars + 1));

    public string ToPayload()
    {
        var payload = new StringBuilder(Header(Sender) + DeliveryIds.Count * (IdChars + 1));
        payload.Append(Letter(Kind)).Append('|');
        for (var i = 0; i < DeliveryIds.Count; i++)
        {
            if (i > 0)
            {
                payload.Append(',');
            }
            payload.Append(DeliveryIds[i].ToString("N"));
        }
        return payload.Append('|').Append(Sender).ToString();
    }

    /// <summary>The message, or null when <paramref name="payload"/> is not one this node understands.</summary>
    public static NodeChangeMessage? Parse(string payload)
    {
        var idsStart = payload.IndexOf('|') + 1;
        var senderStart = idsStart == 0 ? -1 : payload.IndexOf('|', idsStart) + 1;
        if (idsStart != 2 || senderStart <= 0 || senderStart == payload.Length)
        {
            return null;
        }
        var sender = payload[senderStart..];
        var ids = payload.AsSpan(idsStart, senderStart - 1 - idsStart);
        switch (payload[0])
        {
            case 's' when ids.IsEmpty:
                return WebhookSetup(sender);
            case 'm' when ids.IsEmpty:
                return ManyDeliveries(sender);
            case 't' when ids.IsEmpty:
                return ApiTokens(sender);
            case 'd':
                var parsed = new List<Guid>(ids.Length / (IdChars + 1) + 1);
                foreach (var range in ids.Split(','))
                {
                    if (!Guid.TryParseExact(ids[range], "N", out var id))
                    {
                        return null;
                    }
                    parsed.Add(id);
                }
                return Deliveries(sender, parsed);
            default:
                return null;
        }
    }

    /// <summary>The bytes of a message other than its ids: the kind, two separators and the sender.</summary>
    private static int Header(string sender) => 3 + Encoding.UTF8.GetByteCount(sender);

    private static char Letter(NodeChangeKind kind) => kind switch
    {
        NodeChangeKind.WebhookSetup => 's',
        NodeChangeKind.Deliveries => 'd',
        NodeChangeKind.ManyDeliveries => 'm',
        NodeChangeKind.ApiTokens => 't',
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
