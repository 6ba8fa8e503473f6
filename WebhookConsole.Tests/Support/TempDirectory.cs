namespace WebhookConsole.Tests.Support;

public static class TempDirectory
{
    public static string Create(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), "webhookconsole-tests", $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open (SQLite pooling) leaves a temp folder behind; harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
