namespace Energy.Domain.Calendar;

/// <summary>A half-open span of plant wall-clock time, [Start, End).</summary>
public readonly record struct Period(DateTime Start, DateTime End)
{
    public TimeSpan Length => End - Start;

    public bool Contains(DateTime wallClock) => Start <= wallClock && wallClock < End;

    public override string ToString() => $"[{Start:yyyy-MM-dd HH:mm:ss}, {End:yyyy-MM-dd HH:mm:ss})";
}
