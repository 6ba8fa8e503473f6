using System.Net;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Api;

/// <summary>A route asked with a method it does not take answers 405 naming the methods it does, not 404.</summary>
[Collection(AppCollection.Name)]
public sealed class ApiMethodNotAllowedTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    public static TheoryData<string, string, string> WrongMethods => new()
    {
        { "DELETE", "/webhooks", "GET, HEAD, OPTIONS, PUT" },
        { "PATCH", "/webhooks", "GET, HEAD, OPTIONS, PUT" },
        { "PUT", "/webhooks/{id}", "DELETE, GET, HEAD, OPTIONS, PATCH, POST" },
        { "GET", "/webhooks/{id}/test", "OPTIONS, POST" },
        { "GET", "/webhooks/{id}/rotate_secret", "OPTIONS, POST" },
        { "DELETE", "/webhooks/{id}/attempts", "GET, HEAD, OPTIONS" },
        { "GET", "/events", "OPTIONS, POST" },
        { "HEAD", "/events", "OPTIONS, POST" },
        { "PUT", "/environments/{id}", "DELETE, GET, HEAD, OPTIONS, PATCH, POST" },
        { "POST", "/deliveries", "GET, HEAD, OPTIONS" },
        { "GET", "/deliveries/replay", "OPTIONS, POST" },
        { "GET", "/deliveries/{id}/replay", "OPTIONS, POST" },
    };

    [Theory]
    [MemberData(nameof(WrongMethods))]
    public async Task Route_Answers405WithAllow_WhenMethodIsNotOneItTakes(string method, string path, string allowed)
    {
        var url = fixture.Account + path.Replace("{id}", Guid.NewGuid().ToString());

        var response = await fixture.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(allowed, string.Join(", ", response.Content.Headers.Allow));
        if (method != "HEAD")
        {
            var json = await AppFactory.ReadJsonAsync(response);
            ApiAssert.ErrorShape(json, 405);
            Assert.Equal($"{method} is not allowed here; this route takes {allowed}", json["message"]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData("POST", "/api/v1/whoami", "GET, HEAD, OPTIONS")]
    [InlineData("DELETE", "/api/v1/event_types", "GET, HEAD, OPTIONS")]
    public async Task RouteOutsideAccounts_Answers405WithAllow_WhenMethodIsNotOneItTakes(string method, string url, string allowed)
    {
        var response = await fixture.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(allowed, string.Join(", ", response.Content.Headers.Allow));
        ApiAssert.ErrorShape(await AppFactory.ReadJsonAsync(response), 405);
    }

    [Fact]
    public async Task UnknownPath_Answers404_WhateverTheMethod()
    {
        var response = await fixture.Client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, fixture.Account + "/nothing-here"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        ApiAssert.ErrorShape(await AppFactory.ReadJsonAsync(response), 404);
    }
}
