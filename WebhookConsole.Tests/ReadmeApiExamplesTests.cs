using System.Diagnostics;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests;

/// <summary>
/// The README's "Post an event" and "REST API" examples, run as written (only the host changed) with bash and curl
/// against the served app, in the order a reader runs them: every request answers the status the README says.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ReadmeApiExamplesTests
{
    private const string ReadmeHost = "http://localhost:5000";
    private const string ReadmeToken = "my-long-random-token";

    [Fact]
    public async Task Examples_AnswerAsTheReadmeSays_WhenRunInOrderOnAFreshApp()
    {
        await using var served = ServedApp.Start(new Dictionary<string, string?> { ["Bootstrap:ApiToken"] = ReadmeToken });
        var readme = await File.ReadAllTextAsync(ReadmePath());

        var post = await RunAsync(Block(readme, "## Post an event"), served.BaseUrl);
        var postAgain = await RunAsync(Block(readme, "## Post an event"), served.BaseUrl);
        var rest = await RunAsync(Block(readme, "## REST API"), served.BaseUrl);

        // whoami, create the environment, then post the event: 202.
        Assert.Equal([200, 201, 202], post.Statuses);
        Assert.Contains("\"event_id\":\"call-42-hangup\"", post.Output);
        // The same again: the name is taken, and the same event id answers 200 with the first result.
        Assert.Equal([200, 409, 200], postAgain.Statuses);
        // whoami, catalogue, create webhook, environment, test send, event (202), history, attempts, bulk replay,
        // disable, re-enable, rotate, delete.
        Assert.Equal([200, 200, 201, 201, 200, 202, 200, 200, 200, 200, 200, 200, 200], rest.Statuses);
        Assert.Matches("\"delivery_ids\":\\[\"[0-9a-f-]{36}\"\\]", rest.Output);
    }

    private static string ReadmePath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var path = Path.Combine(folder.FullName, "README.md");
            if (File.Exists(path) && Directory.Exists(Path.Combine(folder.FullName, "WebhookConsole")))
            {
                return path;
            }
        }
        throw new FileNotFoundException("README.md above the test's folder");
    }

    /// <summary>The first sh code block after <paramref name="heading"/>.</summary>
    private static string Block(string readme, string heading)
    {
        var start = readme.IndexOf("```sh\n", readme.IndexOf(heading, StringComparison.Ordinal), StringComparison.Ordinal) + "```sh\n".Length;
        return readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
    }

    /// <summary>Runs the script; every curl also writes its status code to standard error, which is answered in order.</summary>
    private static async Task<(List<int> Statuses, string Output)> RunAsync(string script, string baseUrl)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script.Replace(ReadmeHost, baseUrl, StringComparison.Ordinal)
            .Replace("curl -s ", "curl -s -w '%{stderr}%{http_code}\\n' ", StringComparison.Ordinal));
        using var bash = Process.Start(info)!;
        var output = bash.StandardOutput.ReadToEndAsync();
        var errors = bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();
        var statuses = (await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
        Assert.True(bash.ExitCode == 0, $"the script ends well: {await output}");
        return (statuses, await output);
    }
}
