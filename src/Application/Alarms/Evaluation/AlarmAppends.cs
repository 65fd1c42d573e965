using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Energy.Domain.Alarms;
using Energy.Application.EventStore;

namespace Energy.Application.Alarms.Evaluation;

/// <summary>
/// The events a reactor batch raises, appended at the end of the batch in the daemon's transaction (so they
/// commit with the reactor's progress, exactly once). Each carries an id derived from what caused it (rule and
/// episode, hour or source event): the same cause can never be told apart from a repeat, belt and braces to
/// the reactor's own effect tables.
/// </summary>
internal sealed class AlarmAppends
{
    private readonly List<StreamAppend> streams = [];

    public void Add(long ruleId, object @event, string causeKey) =>
        streams.Add(new StreamAppend(AlarmTriggered.StreamId(ruleId), ExpectedVersion.Any, [new NewEvent(@event, IdOf(causeKey))], "alarm-records"));

    public async Task AppendAsync(ProjectionContext context, string reactor, CancellationToken ct)
    {
        if (streams.Count > 0)
        {
            await context.Store.AppendAsync(context.Connection, context.Transaction, new AppendRequest(streams, new EventMetadata(CausationId: reactor)), ct);
        }
    }

    public static Guid IdOf(string causeKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("alarm:" + causeKey));
        return new Guid(hash.AsSpan(0, 16));
    }

    public static string Key(params object[] parts) =>
        string.Join(':', parts.Select(p => p is DateTimeOffset t ? t.UtcTicks.ToString(CultureInfo.InvariantCulture) : Convert.ToString(p, CultureInfo.InvariantCulture)));

    public static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public static AlarmTriggered Triggered(WatchedRule rule, string parameter, decimal value, DateTimeOffset at, string content, string? eventName = null) =>
        new(rule.RuleId, rule.AlarmId, rule.MeterId, rule.Type, rule.Level, rule.Notify, rule.Address,
            eventName ?? rule.AlarmName, rule.RuleName, rule.MeterName, rule.MachineName, parameter, value, rule.LowerLimit, rule.UpperLimit, at, content, eventName);
}
