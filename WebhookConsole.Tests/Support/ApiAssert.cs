using System.Net;
using System.Text.Json.Nodes;

namespace WebhookConsole.Tests.Support;

/// <summary>Assertions on the API's envelopes.</summary>
public static class ApiAssert
{
    /// <summary>The WIRECLOUD error shape with <paramref name="status"/>, and no stack trace.</summary>
    public static void ErrorShape(JsonObject json, int status)
    {
        Assert.Equal("error", json["status"]!.GetValue<string>());
        Assert.Equal(status.ToString(), json["error"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(json["message"]!.GetValue<string>()));
        Assert.IsType<JsonObject>(json["data"]);
        Assert.False(string.IsNullOrEmpty(json["request_id"]!.GetValue<string>()));
        Assert.DoesNotContain("   at ", json.ToJsonString());
    }

    /// <summary>An error answer with <paramref name="status"/> whose <c>data</c> names <paramref name="field"/>; answers the explanation.</summary>
    public static async Task<JsonObject> FieldErrorAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var json = await AppFactory.ReadJsonAsync(response);
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {json.ToJsonString()}");
        ErrorShape(json, (int)status);
        Assert.True(json["data"]!.AsObject().ContainsKey(field), $"data names {field}: {json.ToJsonString()}");
        return json;
    }

    /// <summary>The success envelope with <paramref name="status"/>; answers its <c>data</c>.</summary>
    public static async Task<JsonNode> SuccessAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        var json = JsonNode.Parse(text)!.AsObject();
        Assert.Equal("success", json["status"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(json["request_id"]!.GetValue<string>()));
        return json["data"]!;
    }
}
