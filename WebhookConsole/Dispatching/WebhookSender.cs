using System.Buffers;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace WebhookConsole.Dispatching;

/// <summary>Sends one <see cref="OutgoingRequest"/>: no redirects, its own timeout, the response body kept up to 64 KiB, read in the charset the receiver declares.</summary>
internal sealed class WebhookSender(IHttpClientFactory clients, TimeProvider time, ILogger<WebhookSender> logger)
{
    public const string ClientName = "webhooks";
    public const int MaxResponseBytes = 64 * 1024;

    private HttpClient? client;

    /// <summary>
    /// One client for every send: its handler lives as long as the app (the client's registration turns the factory's
    /// rotation off), so a client per send would only cost its allocation.
    /// </summary>
    private HttpClient Client => client ??= clients.CreateClient(ClientName);

    public async Task<SendResult> SendAsync(OutgoingRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(request.Timeout);
        HttpResponseMessage response;
        try
        {
            using var message = BuildMessage(request);
            response = await Client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failure($"timed out after {request.Timeout.TotalSeconds:0.#} s", started);
        }
        catch (HttpRequestException ex) when (FindRefusal(ex) is { } refusal)
        {
            return Failure(refusal.Message, started);
        }
        catch (HttpRequestException ex)
        {
            logger.LogDebug(ex, "Request to {Host} failed", SafeHost(request.Url));
            return Failure(Describe(ex), started);
        }

        using (response)
        {
            var (body, error) = await ReadBodyAsync(response.Content, request, timeout.Token, cancellationToken);
            return new SendResult((int)response.StatusCode, CollectHeaders(response), body, error, Elapsed(started), RetryAfter(response, time.GetUtcNow()));
        }
    }

    /// <summary>
    /// The body, and why it could not be read to its end or the cap: a receiver that answers and then breaks the
    /// connection off, stalls past the timeout or sends what cannot be decompressed has not answered, so the attempt
    /// fails (and is retried) with the status and the part of the body that did arrive.
    /// </summary>
    private async Task<(string Body, string? Error)> ReadBodyAsync(HttpContent content, OutgoingRequest request, CancellationToken timeoutToken, CancellationToken cancellationToken)
    {
        // Rented: most receivers answer a few bytes, and a fresh 64 KiB array per delivery keeps the collector busy.
        var buffer = ArrayPool<byte>.Shared.Rent(MaxResponseBytes);
        var filled = 0;
        string? error = null;
        try
        {
            await using var stream = await content.ReadAsStreamAsync(timeoutToken);
            int read;
            while (filled < MaxResponseBytes && (read = await stream.ReadAsync(buffer.AsMemory(filled, MaxResponseBytes - filled), timeoutToken)) > 0)
            {
                filled += read;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = $"timed out after {request.Timeout.TotalSeconds:0.#} s while reading the response body";
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or HttpRequestException)
        {
            logger.LogDebug(ex, "The response of {Host} broke off", SafeHost(request.Url));
            error = "the response body could not be read: " + (ex is HttpRequestException http ? Describe(http) : ex.Message);
        }
        try
        {
            // Cut by the cap or a broken connection: whatever followed the last byte read was not seen.
            var complete = error is null && filled < MaxResponseBytes;
            return (ResponseText.Decode(buffer.AsSpan(0, filled), content.Headers.ContentType?.CharSet, complete), error);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static HttpRequestMessage BuildMessage(OutgoingRequest request)
    {
        var url = new Uri(request.Url, UriKind.Absolute);
        var message = new HttpRequestMessage(HttpMethod.Parse(request.Method), url);
        if (WireUrl.ExplicitHostHeader(url) is { } host)
        {
            message.Headers.Host = host;
        }
        if (request.Method != "GET")
        {
            // No type of its own: the request's Content-Type header, added below, is the one sent.
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(request.Body));
        }
        foreach (var (name, value) in request.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }
        return message;
    }

    private static Dictionary<string, string> CollectHeaders(HttpResponseMessage response)
    {
        // As the receiver sent them: the values are not parsed into typed headers only to be printed again.
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Add(response.Headers.NonValidated);
        Add(response.Content.Headers.NonValidated);
        return headers;

        void Add(HttpHeadersNonValidated received)
        {
            foreach (var (name, values) in received)
            {
                headers[name] = values.ToString();
            }
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    private static DestinationRefusedException? FindRefusal(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is DestinationRefusedException refused)
            {
                return refused;
            }
        }
        return null;
    }

    private static string Describe(HttpRequestException ex)
    {
        // "Connection refused (host:port)" already says what its socket error does.
        var inner = ex.InnerException?.Message;
        return string.IsNullOrEmpty(inner) || ex.Message.Contains(inner, StringComparison.Ordinal) ? ex.Message : $"{ex.Message} ({inner})";
    }

    private static string SafeHost(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Authority : "?";

    private static SendResult Failure(string error, long started) => new(null, null, null, error, Elapsed(started), null);

    private static int Elapsed(long started) => (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
