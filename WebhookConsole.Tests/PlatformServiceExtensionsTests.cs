using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebhookConsole.Api;
using WebhookConsole.Data;
using WebhookConsole.Features.Webhooks;
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

    [Fact]
    public async Task KeyRing_IsStoredEncrypted_WhenACertificateIsConfigured()
    {
        var directory = TempDirectory.Create("keyring");
        try
        {
            var certificatePath = Path.Combine(directory, "keyring.pfx");
            using (var rsa = RSA.Create(2048))
            {
                var request = new CertificateRequest("CN=WebhookConsole key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
                await File.WriteAllBytesAsync(certificatePath, certificate.Export(X509ContentType.Pfx, "pfx-password"));
            }
            await using var app = new AppFactory(new Dictionary<string, string?>
            {
                ["DataProtection:CertificatePath"] = certificatePath,
                ["DataProtection:CertificatePassword"] = "pfx-password",
            });
            var accountId = await app.DefaultAccountIdAsync();
            var errors = new FieldErrors();
            var input = new WebhookInput { Fields = new HashSet<string> { WebhookFields.Uri, WebhookFields.Hook }, Uri = "https://crm.example.com/calls", Hook = "*" };

            var saved = await app.Services.GetRequiredService<WebhookService>().CreateAsync(accountId, input, errors, CancellationToken.None);

            Assert.False(errors.Any);
            Assert.Equal(saved!.Secret, await app.Services.GetRequiredService<WebhookEditor>().RevealSecretAsync(accountId, saved.Webhook.Id, CancellationToken.None));
            await using var scope = app.Services.CreateAsyncScope();
            var keys = await scope.ServiceProvider.GetRequiredService<AppDbContext>().DataProtectionKeys.Select(k => k.Xml).ToListAsync();
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.DoesNotContain("<masterKey", xml);
                Assert.Contains("EncryptedData", xml);
            });
        }
        finally
        {
            TempDirectory.TryDelete(directory);
        }
    }
}
