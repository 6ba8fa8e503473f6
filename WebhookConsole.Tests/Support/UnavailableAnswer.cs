using System.Net;
using System.Text.Json.Nodes;

namespace WebhookConsole.Tests.Support;

/// <summary>The API's answer while its database is unavailable: a 503 in its error shape.</summary>
public static class UnavailableAnswer
{
    /// <summary>Asserts that <paramref name="request"/> answers a 503 in the API's error shape; returns its body's text and message.</summary>
    public static async Task<(string Text, string Message)> AssertAsync(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {text}");
        var body = JsonNode.Parse(text)!;
        Assert.Equal("error", body["status"]!.GetValue<string>());
        Assert.Equal("503", body["error"]!.GetValue<string>());
        return (text, body["message"]!.GetValue<string>());
    }
}
