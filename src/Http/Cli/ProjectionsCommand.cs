using System.CommandLine;

namespace Energy.Http.Cli;

/// <summary><c>projections list|status [name]|rebuild &lt;name&gt;</c>.</summary>
internal static class ProjectionsCommand
{
    public static Command Create(CliContext cli)
    {
        var list = new Command("list", "A table of every projection and reactor: state, floor, high water, lag, dead letters, heartbeat age");
        list.SetAction((_, ct) => ProjectionTable.ShowAsync(cli, null, ct));

        var statusName = new Argument<string?>("name") { Description = "Only this projection, with its last error and rebuild progress", Arity = ArgumentArity.ZeroOrOne };
        var status = new Command("status", "Like list; with a name, that projection alone in detail") { statusName };
        status.SetAction((parse, ct) => ProjectionTable.ShowAsync(cli, parse.GetValue(statusName), ct));

        var rebuildName = new Argument<string>("name") { Description = "The projection to rebuild (reactors are never replayed)" };
        var rebuild = new Command("rebuild", "Rebuild a projection from the log, with live progress until it is swapped in") { rebuildName };
        rebuild.SetAction((parse, ct) => ProjectionRebuild.RunAsync(cli, parse.GetValue(rebuildName)!, ct));

        return new Command("projections", "How current the read models are, and rebuilding one") { list, status, rebuild };
    }
}
