using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests;

[Collection(AppCollection.Name)]
public sealed class PlatformServiceExtensionsTests
{
    [Theory]
    [InlineData("Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher")]
    [InlineData("Microsoft.AspNetCore.Http.Connections.Internal.HttpConnectionDispatcher")]
    [InlineData("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager")]
    public async Task Logging_KeepsCategoriesCarryingSecretsAtInformation_WhenTheFrameworksLoggingIsTurnedUp(string category)
    {
        await using var app = new AppFactory(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        });
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();

        var logger = loggers.CreateLogger(category);

        Assert.True(logger.IsEnabled(LogLevel.Information));
        Assert.False(logger.IsEnabled(LogLevel.Debug));
        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Routing.EndpointMiddleware").IsEnabled(LogLevel.Trace));
    }
}
