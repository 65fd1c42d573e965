using System.Text.Json.Serialization;
using Energy.Application.Settings;
using Energy.Domain.Calendar;
using Energy.Domain.Shifts;

namespace Energy.Http.Settings;

/// <summary>(ext) One shift, as in CONTRACT §6: <c>{"Shift_Name":"白班","Start":"08:00:00","End":"20:00:00"}</c>.</summary>
public sealed record ShiftBody(
    [property: JsonPropertyName("Shift_Name")] string ShiftName,
    [property: JsonPropertyName("Start")] string Start,
    [property: JsonPropertyName("End")] string End)
{
    public ShiftInput ToInput() => new(ShiftName, Start, End);

    public static ShiftBody From(Shift shift) => new(shift.Name, ClockTime.Format(shift.Start), ClockTime.Format(shift.End));
}
