using System.Globalization;

namespace Energy.Domain.Readings;

/// <summary>
/// Where readings live: one stream per device per plant day. Appends stay cheap however long a device
/// reports (no ever-growing stream), and a busy device only ever contends with itself for one day's stream
/// lock, so hot devices never serialize the ingestion of all the others.
/// </summary>
public static class ReadingStreams
{
    public const string StreamType = "readings";

    /// <summary><c>readings-&lt;device&gt;-&lt;yyyyMMdd&gt;</c>, the day being the plant's wall-clock date of the reading.</summary>
    public static string For(string device, DateOnly plantDay) =>
        $"readings-{device}-{plantDay.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";
}
