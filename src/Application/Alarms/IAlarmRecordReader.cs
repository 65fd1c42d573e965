using Energy.Application.Common;

namespace Energy.Application.Alarms;

/// <summary>A 6.9 record, with (ext) clearing and delivery state.</summary>
public sealed record AlarmRecordRow(
    long Id, long RuleId, long AlarmId, long MeterId, string AlarmName, string RuleName, string MeterName, string MachineName,
    int Type, int Level, int Notify, string Address, string Content, DateTimeOffset At, string Parameter, decimal Value,
    string EventName, DateTimeOffset? ClearedAt, string NotifyState, int NotifyAttempts, string NotifyError);

/// <summary>6.9 filters: [From, To) on the alarm's time; the rest are exact matches when given.</summary>
public sealed record AlarmRecordFilter(
    DateTimeOffset From, DateTimeOffset To, string? MeterName = null, string? MachineName = null, int? Type = null, int? Level = null, string? RuleName = null);

/// <summary>The alarm records read model (issue 6.9), implemented beside its tables.</summary>
public interface IAlarmRecordReader
{
    Task<(IReadOnlyList<AlarmRecordRow> Rows, long Total)> ListAsync(AlarmRecordFilter filter, Paging paging, CancellationToken ct = default);
}

/// <summary>Which column 6.10 counts by (<c>Statistic_Method</c>).</summary>
public enum AlarmStatisticMethod
{
    Total = 0,
    Level = 1,
    Type = 2,
    Notify = 3,
}

/// <summary>The alarm counts read model (6.10): counts in UTC intervals, grouped by one column or none.</summary>
public interface IAlarmCountReader
{
    /// <returns>Per interval index, the counts by key (0 when <paramref name="method"/> is Total); missing keys count 0.</returns>
    Task<IReadOnlyDictionary<(int Interval, int Key), long>> CountAsync(
        IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> intervals, AlarmStatisticMethod method, CancellationToken ct = default);
}
