using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Hosting;

/// <summary>
/// A <c>DataProtection:CertificatePath</c> the app cannot use refuses the start like any other refused setting: one
/// line naming the key, the path and the fault, exit code 1, no stack trace, never the password.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class KeyRingCertificateStartupTests
{
    private const string Password = "pfx-password-never-logged";
    private const string WrongPassword = "wrong-password-never-logged";
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task App_ExitsWithOneLineNamingThePath_WhenTheCertificateFileIsMissing()
    {
        await RunRefusedAsync(
            directory => (Path.Combine(directory, "missing.pfx"), null),
            path => $"DataProtection:CertificatePath is '{path}', which does not exist.");
    }

    [Fact]
    public async Task App_ExitsWithOneLineNamingThePath_WhenTheCertificateFileCannotBeRead()
    {
        // A folder in place of the file cannot be read even by root, for whom file permissions do not count.
        await RunRefusedAsync(
            directory => (Directory.CreateDirectory(Path.Combine(directory, "keyring.pfx")).FullName, null),
            path => $"DataProtection:CertificatePath is '{path}', which cannot be read: ");
    }

    [Theory]
    [InlineData("text")]
    [InlineData("der")]
    public async Task App_ExitsWithOneLineNamingThePath_WhenTheFileIsNotAPkcs12File(string content)
    {
        await RunRefusedAsync(
            directory =>
            {
                var path = Path.Combine(directory, "keyring.pfx");
                using var certificate = CreateCertificate();
                File.WriteAllBytes(path, content == "text" ? "not a certificate"u8.ToArray() : certificate.Export(X509ContentType.Cert));
                return (path, null);
            },
            path => $"DataProtection:CertificatePath is '{path}', which is not a PKCS #12 (.pfx) file.");
    }

    [Fact]
    public async Task App_ExitsWithOneLineNamingThePasswordSetting_WhenThePasswordIsWrong()
    {
        await RunRefusedAsync(
            directory => (WritePfx(directory, Password), WrongPassword),
            path => $"DataProtection:CertificatePath is '{path}', which cannot be opened with DataProtection:CertificatePassword: ");
    }

    [Fact]
    public async Task App_ExitsWithOneLineNamingThePasswordSetting_WhenThePasswordIsMissing()
    {
        await RunRefusedAsync(
            directory => (WritePfx(directory, Password), null),
            path => $"DataProtection:CertificatePath is '{path}', which cannot be opened without a password (set DataProtection:CertificatePassword): ");
    }

    [Fact]
    public async Task App_ExitsWithOneLineNamingThePath_WhenTheCertificateHasNoPrivateKey()
    {
        await RunRefusedAsync(
            directory =>
            {
                var path = Path.Combine(directory, "keyring.pfx");
                using var certificate = CreateCertificate();
                using var publicOnly = X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert));
                File.WriteAllBytes(path, publicOnly.Export(X509ContentType.Pfx, Password));
                return (path, Password);
            },
            path => $"DataProtection:CertificatePath is '{path}', whose certificate has no RSA private key");
    }

    private static async Task RunRefusedAsync(Func<string, (string Path, string? Password)> arrange, Func<string, string> expected)
    {
        var directory = TempDirectory.Create("keyring");
        try
        {
            var (path, password) = arrange(directory);
            var settings = new Dictionary<string, string>
            {
                ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(directory, "app.db")}",
                ["DataProtection:CertificatePath"] = path,
            };
            if (password is not null)
            {
                settings["DataProtection:CertificatePassword"] = password;
            }

            var exit = await AppProcess.RunUntilExitAsync(settings, ExitTimeout);

            StartupFailureTests.AssertOneLineFailure(exit, expected(path));
            Assert.DoesNotContain(Password, exit.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(WrongPassword, exit.Text, StringComparison.Ordinal);
        }
        finally
        {
            TempDirectory.TryDelete(directory);
        }
    }

    private static string WritePfx(string directory, string password)
    {
        var path = Path.Combine(directory, "keyring.pfx");
        using var certificate = CreateCertificate();
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=WebhookConsole key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }
}
