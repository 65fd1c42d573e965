namespace Energy.Domain.Alarms;

/// <summary>An alarm as folded from its stream <c>alarm-&lt;id&gt;</c>.</summary>
public sealed record Alarm(long Id, AlarmDetails Details, bool Deleted)
{
    public static readonly Alarm None = new(0, new AlarmDetails("", AlarmLevel.Ordinary, AlarmType.InstantaneousParameter, NotifyChannel.Platform, ""), false);

    public bool IsLive => Id != 0 && !Deleted;

    public static string StreamId(long id) => $"alarm-{id}";

    public static Alarm Evolve(Alarm state, object @event) => @event switch
    {
        AlarmDefined e => new Alarm(e.AlarmId, e.Details, false),
        AlarmChanged e => state with { Details = e.Details },
        AlarmDeleted => state with { Deleted = true },
        _ => state,
    };
}

public abstract record AlarmCommand(long AlarmId);

public sealed record DefineAlarm(long AlarmId, AlarmDetails Details) : AlarmCommand(AlarmId);

public sealed record ChangeAlarm(long AlarmId, AlarmDetails Details) : AlarmCommand(AlarmId);

/// <param name="LiveRules">Rules that still name the alarm, counted by the caller under a lock.</param>
public sealed record DeleteAlarm(long AlarmId, DateTimeOffset At, int LiveRules) : AlarmCommand(AlarmId);

/// <summary>Decides what an alarm command means for the alarm's stream; pure.</summary>
public static class AlarmDecider
{
    public static IReadOnlyList<object> Decide(AlarmCommand command, Alarm state) => command switch
    {
        DefineAlarm c => state.Id != 0
            ? throw DomainRuleException.Violated($"alarm {c.AlarmId} exists already")
            : [new AlarmDefined(c.AlarmId, c.Details)],
        ChangeAlarm c => Live(state, c).Details == c.Details ? [] : [new AlarmChanged(c.AlarmId, c.Details)],
        DeleteAlarm c => c.LiveRules > 0
            ? throw DomainRuleException.Violated($"alarm {c.AlarmId} ('{Live(state, c).Details.Name}') still has {c.LiveRules} rule(s); delete them first")
            : [new AlarmDeleted(Live(state, c).Id, c.At)],
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown alarm command."),
    };

    private static Alarm Live(Alarm state, AlarmCommand command) =>
        state.IsLive ? state : throw DomainRuleException.NotFound("alarm", command.AlarmId);
}
