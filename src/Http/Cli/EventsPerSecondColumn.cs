using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Energy.Http.Cli;

/// <summary>A progress column of events per second (Spectre's speed column speaks of bytes).</summary>
internal sealed class EventsPerSecondColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Text(task.Speed is { } speed ? speed.ToString("N0", CultureInfo.InvariantCulture) + " events/s" : "- events/s");
}
