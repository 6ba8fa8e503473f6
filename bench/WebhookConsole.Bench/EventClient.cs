using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace WebhookConsole.Bench;

/// <summary>Posts call events to the app's API over real HTTP, as a call platform would.</summary>
internal sealed class EventClient : IDisposable
{
    private readonly HttpClient http;
    private readonly string eventsUrl;

    private readonly bool withIds;

    /// <param name="withIds">
    /// Each event carries an <c>id</c> of its own (the call's uuid), as a client that retries safely posts it, so the
    /// ingest looks for it among the ids seen before it stores the event.
    /// </param>
    public EventClient(string appBaseUrl, Guid accountId, bool withIds = false)
    {
        this.withIds = withIds;
        http = new HttpClient(new SocketsHttpHandler { UseProxy = false, UseCookies = false });
        http.DefaultRequestHeaders.Add("X-Auth-Token", BenchAppHost.Token);
        eventsUrl = $"{appBaseUrl}/api/v1/accounts/{accountId}/events";
    }

    /// <summary>Posts one <c>Call:Hangup</c> to <paramref name="environment"/>; returns its delivery ids and when the 202 arrived.</summary>
    public async Task<PostedEvent> PostAsync(string environment)
    {
        using var content = new ByteArrayContent(Body(environment));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(eventsUrl, content);
        var answered = Stopwatch.GetTimestamp();
        var json = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"Ingest answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(json)}");
        }
        using var document = JsonDocument.Parse(json);
        var ids = document.RootElement.GetProperty("data").GetProperty("delivery_ids").EnumerateArray().Select(e => e.GetString()!).ToList();
        return new PostedEvent(ids, answered);
    }

    /// <summary>A call's uuid in the body before it is replaced by a fresh one; same length as any Guid's text.</summary>
    private const string UuidPlaceholder = "00000000-0000-0000-0000-000000000000";

    private readonly ConcurrentDictionary<string, (byte[] Body, int[] UuidAt)> templates = new(StringComparer.Ordinal);

    /// <summary>The body for <paramref name="environment"/> with a fresh call uuid (also its id, when it has one), copied from a template serialised once.</summary>
    private byte[] Body(string environment)
    {
        var (template, uuidAt) = templates.GetOrAdd(environment, name =>
        {
            var bytes = Serialize(name, withIds);
            var placeholder = Encoding.UTF8.GetBytes(UuidPlaceholder);
            var at = new List<int>();
            var from = 0;
            while (bytes.AsSpan(from).IndexOf(placeholder) is var found and >= 0)
            {
                at.Add(from + found);
                from += found + placeholder.Length;
            }
            return (bytes, [.. at]);
        });
        var body = template.ToArray();
        var uuid = Guid.NewGuid();
        foreach (var at in uuidAt)
        {
            uuid.TryFormat(body.AsSpan(at, UuidPlaceholder.Length), out _);
        }
        return body;
    }

    private static byte[] Serialize(string environment, bool withId)
    {
        var body = JsonSerializer.SerializeToNode(Event(environment))!;
        if (withId)
        {
            body["data"]!["id"] = UuidPlaceholder;
        }
        return JsonSerializer.SerializeToUtf8Bytes(body);
    }

    private static object Event(string environment) => new
    {
        data = new
        {
            @event = "Call:Hangup",
            environment,
            payload = new
            {
                direction = "inbound",
                uuid = UuidPlaceholder,
                type = "call",
                created_at = "2024-07-30T14:35:00Z",
                contact_number = "+15551234567",
                caller_id_number = "+15557654321",
                duration = 60,
                ring_duration = 4,
                destination = "1001",
                environment_name = environment,
                user_fullname = "Ada Lovelace",
                cause = "NORMAL_CLEARING",
                sip_status = 200,
                recording_url = "https://recordings.example.com/42.mp3",
            },
        },
    };

    public void Dispose() => http.Dispose();
}
