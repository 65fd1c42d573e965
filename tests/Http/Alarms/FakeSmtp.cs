using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;

namespace Energy.Http.Tests.Alarms;

/// <summary>
/// Just enough SMTP on 127.0.0.1 (220, EHLO/HELO 250, MAIL/RCPT 250, DATA 354 … "." 250, QUIT 221) to count
/// the messages a client completed. <see cref="Stall"/> holds new connections before the greeting, so a test
/// can stop the host while a delivery is under way.
/// </summary>
public sealed class FakeSmtp : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int connections;

    public FakeSmtp()
    {
        listener.Start();
        released.SetResult();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Every completed message (headers and body as sent).</summary>
    public ConcurrentQueue<string> Messages { get; } = new();

    public int Connections => Volatile.Read(ref connections);

    public void Stall() => released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => released.TrySetResult();

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                Interlocked.Increment(ref connections);
                _ = ServeAsync(client);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            await released.Task.WaitAsync(stop.Token);
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 fake-smtp ready");
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO" or "HELO":
                        await writer.WriteLineAsync("250 fake-smtp");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                        var message = new StringBuilder();
                        while (await reader.ReadLineAsync(stop.Token) is { } data && data != ".")
                        {
                            message.AppendLine(data);
                        }

                        Messages.Enqueue(message.ToString());
                        await writer.WriteLineAsync("250 queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 bye");
                        return;
                    default:
                        await writer.WriteLineAsync("250 ok");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away mid-conversation: nothing was completed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        stop.Dispose();
    }
}
