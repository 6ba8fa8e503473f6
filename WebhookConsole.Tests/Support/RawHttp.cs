using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace WebhookConsole.Tests.Support;

/// <summary>
/// A request written byte for byte on a socket, and its answer read whole: for requests whose exact size matters,
/// to which HttpClient would add headers of its own. The request is sent as UTF-8 (ASCII text is the same bytes),
/// and asks the server to close the connection after it.
/// </summary>
public static class RawHttp
{
    /// <param name="baseUrl">The served app's root, e.g. <c>http://127.0.0.1:43127</c>.</param>
    /// <param name="requestLine">Without its line end.</param>
    /// <param name="headers">Header lines without their line ends; <c>Host</c> and <c>Connection</c> are not added.</param>
    public static async Task<RawHttpAnswer> SendAsync(string baseUrl, string requestLine, IEnumerable<string> headers)
    {
        var uri = new Uri(baseUrl);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port);
        await using var stream = tcp.GetStream();
        var request = new StringBuilder().Append(requestLine).Append("\r\n");
        foreach (var header in headers)
        {
            request.Append(header).Append("\r\n");
        }
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.Append("\r\n").ToString()));
        using var received = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await stream.CopyToAsync(received, timeout.Token);
        return Parse(received.ToArray());
    }

    private static RawHttpAnswer Parse(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(end > 0, $"an HTTP answer, not: {text}");
        var lines = text[..end].Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = lines.Skip(1)
            .Select(line => line.Split(':', 2))
            .ToDictionary(parts => parts[0].Trim().ToLowerInvariant(), parts => parts[1].Trim());
        var body = text[(end + 4)..];
        if (headers.GetValueOrDefault("transfer-encoding") == "chunked")
        {
            body = Unchunked(body);
        }
        return new RawHttpAnswer(status, headers, body);
    }

    private static string Unchunked(string chunked)
    {
        var body = new StringBuilder();
        var at = 0;
        while (true)
        {
            var lineEnd = chunked.IndexOf("\r\n", at, StringComparison.Ordinal);
            var size = int.Parse(chunked[at..lineEnd], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                return body.ToString();
            }
            body.Append(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
