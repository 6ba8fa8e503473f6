using System.Net.Http.Headers;
using System.Text;

namespace WebhookConsole.Bench.Scenarios;

/// <summary>
/// The ceiling: plain <see cref="HttpClient"/> POSTs of a webhook-sized body to the same receiver, from the
/// same process, with nothing else to do. No dispatcher can beat it on this machine.
/// </summary>
internal sealed class LimitScenario(BenchReceiver receiver, TextWriter log)
{
    /// <summary>Enough concurrent requests to keep both ends of loopback busy on a small machine.</summary>
    private const int Clients = 16;

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        """{"event":"Call:Hangup","event_id":"0197c0de-0000-7000-8000-000000000000","timestamp":"2024-07-30T14:35:00.000Z","environment":"bench-1","data":{"direction":"inbound","uuid":"42","duration":60,"ring_duration":4,"cause":"NORMAL_CLEARING","recording_url":"https://recordings.example.com/42.mp3"}}""");

    public async Task<double> RunAsync(TimeSpan duration)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, UseCookies = false });
        var url = receiver.BaseUrl + "/limit";
        async Task PostAsync()
        {
            using var content = new ByteArrayContent(Body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var response = await http.PostAsync(url, content);
            response.EnsureSuccessStatusCode();
        }

        // Connections are opened and the JIT warmed before the clock starts.
        await ClosedLoop.RunForAsync(Clients, TimeSpan.FromMilliseconds(300), PostAsync);
        var cpu = CpuMeter.Start();
        var done = await ClosedLoop.RunForAsync(Clients, duration, PostAsync);
        var rps = done / duration.TotalSeconds;
        log.WriteLine($"limit: {done} raw POSTs in {duration.TotalSeconds:0.0} s from {Clients} clients = {rps:0} requests/s, CPU {cpu.Cores()}");
        return rps;
    }
}
