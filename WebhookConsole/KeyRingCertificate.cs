using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using WebhookConsole.Hosting;

namespace WebhookConsole;

/// <summary>
/// Loads the certificate of <c>DataProtection:CertificatePath</c>, whose public key encrypts the key ring's keys and
/// whose private key reads them back. A file that cannot serve is a <see cref="StartupException"/> naming the setting,
/// the path and the fault, never the password.
/// </summary>
internal static class KeyRingCertificate
{
    public static X509Certificate2 Load(string path, string? password)
    {
        var shown = $"{PlatformServiceExtensions.KeyCertificatePathKey} is '{path}'";
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new StartupException($"{shown}, which does not exist.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"{shown}, which cannot be read: {ex.Message}", ex);
        }

        if (!IsPkcs12(content))
        {
            throw new StartupException($"{shown}, which is not a PKCS #12 (.pfx) file.");
        }
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12(content, password);
        }
        catch (CryptographicException ex)
        {
            var with = string.IsNullOrEmpty(password)
                ? $"without a password (set {PlatformServiceExtensions.KeyCertificatePasswordKey})"
                : $"with {PlatformServiceExtensions.KeyCertificatePasswordKey}";
            throw new StartupException($"{shown}, which cannot be opened {with}: {ex.Message}", ex);
        }

        // Keys encrypted with a certificate whose private key is not at hand cannot be read back: after a restart,
        // every webhook's secret would be lost. EncryptedXml encrypts only to RSA keys.
        using var privateKey = certificate.GetRSAPrivateKey();
        if (privateKey is null)
        {
            certificate.Dispose();
            throw new StartupException($"{shown}, whose certificate has no RSA private key; the key ring needs one to read its keys back.");
        }
        return certificate;
    }

    /// <summary>Whether the content is PKCS #12 at all, read without the password, so a wrong password is told apart from a wrong file.</summary>
    private static bool IsPkcs12(byte[] content)
    {
        try
        {
            return X509Certificate2.GetCertContentType(content) == X509ContentType.Pkcs12;
        }
        catch (CryptographicException)
        {
            // Content the reader cannot even classify (text, say).
            return false;
        }
    }
}
