using System.Net;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Api;

/// <summary>A path under /api that names no route answers 404 in the API's error shape, never the console's page.</summary>
[Collection(AppCollection.Name)]
public sealed class ApiFallbackTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    [Theory]
    [InlineData("/api/v1/nothing-here")]
    [InlineData("/api/v2/whoami")]
    [InlineData("/api/whoami")]
    [InlineData("/api")]
    public async Task Get_Answers404InTheErrorShape_WhenNoRouteMatches(string path)
    {
        var response = await fixture.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        ApiAssert.ErrorShape(await AppFactory.ReadJsonAsync(response), 404);
    }
}
