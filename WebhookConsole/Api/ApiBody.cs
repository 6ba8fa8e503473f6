using System.Text.Json.Nodes;

namespace WebhookConsole.Api;

/// <summary>What <see cref="ApiBodyReader"/> read: the <c>data</c> object, or the error to answer with.</summary>
internal sealed record ApiBody(JsonObject? Data, IResult? Problem)
{
    public static ApiBody Ok(JsonObject? data) => new(data, null);

    public static ApiBody Fail(IResult problem) => new(null, problem);
}
