using System.Net;
using System.Net.Sockets;
using System.Text;

namespace WebhookConsole.Tests.Support;

/// <summary>
/// A receiver below HTTP: a TCP listener on 127.0.0.1 that reads each request whole, answers it with the bytes
/// given, whatever they promise, and closes its side of the connection. It plays receivers no HTTP server would
/// be: one whose answer breaks off before the length it announced.
/// </summary>
public sealed class RawHttpReceiver : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly byte[] answer;
    private readonly Task loop;
    private int requests;

    private RawHttpReceiver(byte[] answer)
    {
        this.answer = answer;
        listener.Start();
        loop = Task.Run(AcceptAsync);
    }

    public static RawHttpReceiver Start(string answer) => new(Encoding.Latin1.GetBytes(answer));

    /// <summary>How many requests were read whole and answered.</summary>
    public int Requests => Volatile.Read(ref requests);

    public string Url(string path) => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}{path}";

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(stopping.Token);
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            var received = new List<byte>();
            var buffer = new byte[8192];
            int headEnd;
            while ((headEnd = IndexOfHeadEnd(received)) < 0)
            {
                var read = await socket.ReceiveAsync(buffer, stopping.Token);
                if (read == 0)
                {
                    return;
                }
                received.AddRange(buffer.AsSpan(0, read));
            }
            var head = Encoding.Latin1.GetString(received.ToArray(), 0, headEnd);
            var length = head.Split("\r\n").Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                .Select(p => int.Parse(p[1].Trim())).FirstOrDefault();
            while (received.Count < headEnd + 4 + length)
            {
                var read = await socket.ReceiveAsync(buffer, stopping.Token);
                if (read == 0)
                {
                    return;
                }
                received.AddRange(buffer.AsSpan(0, read));
            }
            Interlocked.Increment(ref requests);
            await socket.SendAsync(answer, stopping.Token);
            // A FIN after the bytes, not a reset: the client reads every byte sent before it sees the end.
            socket.Shutdown(SocketShutdown.Send);
        }
    }

    private static int IndexOfHeadEnd(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
            {
                return i;
            }
        }
        return -1;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await loop;
        stopping.Dispose();
    }
}
