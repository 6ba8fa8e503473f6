using System.Net.Http.Json;
using System.Text;

namespace WebhookConsole.Tests.Support;

/// <summary>Requests in the API's shape: <c>{"data": ...}</c> bodies with any verb, or raw text.</summary>
public static class ApiClientExtensions
{
    public static Task<HttpResponseMessage> SendDataAsync(this HttpClient client, HttpMethod method, string url, object data) =>
        client.SendAsync(new HttpRequestMessage(method, url) { Content = JsonContent.Create(new { data }) });

    public static Task<HttpResponseMessage> SendRawAsync(this HttpClient client, HttpMethod method, string url, string body) =>
        client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
}
