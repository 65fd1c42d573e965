using Energy.Application.Common;
using Energy.Domain.Calendar;

namespace Energy.Application.Settings;

/// <summary>Seed 4.4: changes the reporting periods on the <c>settings-reporting-periods</c> stream.</summary>
public sealed class ReportingPeriodsHandler(StreamCommands commands, TimeProvider clock)
{
    public Task<ReportingPeriods> ChangeAsync(ReportingPeriods periods, Actor actor, CancellationToken ct = default)
    {
        var command = new ChangeReportingPeriods(periods, clock.GetUtcNow());
        return commands.HandleAsync(
            ReportingPeriodsSettings.StreamId,
            ReportingPeriodsSettings.Initial,
            ReportingPeriodsSettings.Evolve,
            state => DomainRules.AsBadParameter(() => ReportingPeriodsSettings.Decide(command, state)),
            actor,
            ct: ct);
    }
}
