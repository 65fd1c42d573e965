using System.CommandLine;

namespace Energy.Http.Cli;

/// <summary><c>events tail [--count N] [--follow]</c>.</summary>
internal static class EventsCommand
{
    public static Command Create(CliContext cli)
    {
        var count = new Option<int>("--count", "-n") { Description = "How many of the latest events to show", DefaultValueFactory = _ => 20 };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new events until Ctrl+C" };
        var tail = new Command("tail", "The latest events of the whole log: sequence, time, stream, type, user") { count, follow };
        tail.SetAction((parse, ct) => EventTail.RunAsync(cli, Math.Max(0, parse.GetValue(count)), parse.GetValue(follow), ct));
        return new Command("events", "The event log") { tail };
    }
}
