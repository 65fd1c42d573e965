using Energy.Application.Common;

namespace Energy.Application.Readings;

/// <summary>
/// When a reading may have been taken (issue 17; docs/READINGS.md "Plausibility"): not after now + 1 day (a day's
/// slack for a collector whose clock or zone is off; <c>Energy:Vendor:MaxReadingLead</c>) and not before 2000-01-01. A reading outside that would be kept
/// forever, become its meter's latest value and stretch every curve to it, so it is refused (4103 naming sjsj) and
/// the vendor can fix its clock and send it again.
/// </summary>
public static class ReadingWindow
{
    public static readonly TimeSpan DefaultLead = TimeSpan.FromDays(1);

    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Null when <paramref name="at"/> is plausible at <paramref name="now"/>, else the words of the refusal.</summary>
    public static string? Refusal(DateTimeOffset at, DateTimeOffset now, TimeSpan lead, PlantTime plantTime) =>
        at > now + lead
            ? $"must not lie more than {lead.TotalHours:0} hours ahead of the service's clock ({plantTime.Format(now)}), got {plantTime.Format(at)}"
            : at < Earliest
                ? $"must not lie before {plantTime.Format(Earliest)}, got {plantTime.Format(at)}"
                : null;
}
