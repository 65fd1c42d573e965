namespace Energy.Application.Energy;

/// <summary>A stretch of time during which a source's consumption (a device, or a hand-filled meter) counts for a meter.</summary>
public readonly record struct SourceSpan(string Source, DateTimeOffset From, DateTimeOffset To);

/// <summary>A half-open window [From, To) of time.</summary>
public readonly record struct TimeWindow(DateTimeOffset From, DateTimeOffset To);

/// <summary>Reads consumption from the energy read model (implemented beside the tables it reads).</summary>
public interface IConsumptionReader
{
    /// <summary>
    /// For every meter (key) and every window, the consumption of the meter's sources within their spans:
    /// <c>result[meter][i]</c> is the amount in <c>windows[i]</c>. Meters with no consumption get zeros.
    /// With <paramref name="asOfSequence"/>, the figures are those the log gave up to that sequence number
    /// (ext <c>As_Of_Sequence</c>: a printed figure reproduced after late readings changed it).
    /// </summary>
    Task<IReadOnlyDictionary<long, decimal[]>> ReadAsync(
        IReadOnlyDictionary<long, IReadOnlyList<SourceSpan>> spansByMeter,
        IReadOnlyList<TimeWindow> windows,
        long? asOfSequence = null,
        CancellationToken ct = default);

    /// <summary>The sequence number the energy read model has applied up to (what a report records).</summary>
    Task<long> CurrentSequenceAsync(CancellationToken ct = default);
}
