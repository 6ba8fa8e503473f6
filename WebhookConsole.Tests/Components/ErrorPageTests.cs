using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Components;

[Collection(AppCollection.Name)]
public sealed class ErrorPageTests
{
    [Fact]
    public async Task UnhandledError_ShowsTheErrorPageWithoutAStackTrace_EvenInDevelopment()
    {
        await using var app = new AppFactory();
        using var factory = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddTransient<IStartupFilter, FailingPathFilter>()));
        using var client = factory.CreateClient();

        var response = await client.GetAsync(FailingPathFilter.Path);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong while processing this request.", page);
        Assert.DoesNotContain(FailingPathFilter.Message, page);
        Assert.DoesNotContain(nameof(FailingPathFilter), page);
    }

    /// <summary>Ends the app's pipeline with a middleware that fails on one path, as a bug in a page would.</summary>
    private sealed class FailingPathFilter : IStartupFilter
    {
        public const string Path = "/fails-on-purpose";
        public const string Message = "a failure the browser must not see";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            next(builder);
            builder.Run(context => context.Request.Path == Path ? throw new InvalidOperationException(Message) : Task.CompletedTask);
        };
    }
}
