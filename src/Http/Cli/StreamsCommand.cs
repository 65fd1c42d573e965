using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Energy.Application.Common;
using Energy.Application.EventStore;
using Energy.Http.Audit;
using Spectre.Console;

namespace Energy.Http.Cli;

/// <summary><c>streams show &lt;id&gt;</c>: a stream's events with their data, secrets removed as for auditors.</summary>
internal static class StreamsCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliContext cli)
    {
        var id = new Argument<string>("id") { Description = "The stream, e.g. user-1 or meter-12" };
        var show = new Command("show", "A stream's events in order, with their data (secrets removed)") { id };
        show.SetAction((parse, ct) => ShowAsync(cli, parse.GetValue(id)!, ct));
        return new Command("streams", "Streams of the event log") { show };
    }

    private static async Task<int> ShowAsync(CliContext cli, string id, CancellationToken ct)
    {
        await using var host = await cli.StartHostAsync(daemon: false, ct);
        var events = await host.Get<IEventStore>().ReadStreamAsync(id, ct: ct);
        if (events.Count == 0)
        {
            cli.Console.MarkupLineInterpolated($"[red]No stream is named '{id}'[/] (or it has no events).");
            return EnergyCli.UnknownName;
        }

        var plantTime = host.Get<PlantTime>();
        cli.Console.MarkupLineInterpolated($"[bold]{id}[/]: {events.Count} events");
        foreach (var e in events)
        {
            cli.Console.Write(new Rule($"v{e.Version}  {e.Type}").LeftJustified());
            cli.Console.WriteLine($"seq {e.SeqId}  at {plantTime.Format(e.Timestamp)}  by {e.UserName ?? "-"}");
            cli.Console.WriteLine(AuditRedaction.Redact(e.Data)?.ToJsonString(Indented) ?? "null");
        }

        return 0;
    }
}
