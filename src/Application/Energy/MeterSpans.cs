using Energy.Application.Meters;
using Energy.Domain.Energy;

namespace Energy.Application.Energy;

/// <summary>Where a meter's consumption comes from, and when (CONTRACT §4), for <see cref="IConsumptionReader"/>.</summary>
public static class MeterSpans
{
    /// <summary>
    /// A hand-filled meter counts its day and month fills; another counts its devices while bound to them.
    /// Everything stops at the meter's deletion. A device's first binding reaches back to the device's first
    /// reading: readings of a device no meter was bound to are kept and "appear once a meter is bound to it"
    /// (CONTRACT §4), while a re-bound device's earlier readings stay with the meter that had it then.
    /// </summary>
    /// <summary>Spans of many meters at once, from one read of every binding (the one rule every figure uses).</summary>
    public static async Task<Dictionary<long, IReadOnlyList<SourceSpan>>> OfAsync(MeterQueries meters, IEnumerable<MeterFacts> of, CancellationToken ct)
    {
        var bindings = await meters.AllBindingsAsync(ct);
        var firstOfDevice = bindings.GroupBy(b => b.DeviceCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(b => b.From), StringComparer.Ordinal);
        var byMeter = bindings.ToLookup(b => b.MeterId);
        return of.ToDictionary(m => m.MeterId, m => Of(m, byMeter[m.MeterId], firstOfDevice));
    }

    /// <param name="bindings">The meter's bindings.</param>
    /// <param name="firstBindingOfDevice">Per device code, the start of its first binding to any meter.</param>
    public static IReadOnlyList<SourceSpan> Of(
        MeterFacts meter, IEnumerable<MeterBinding> bindings, IReadOnlyDictionary<string, DateTimeOffset> firstBindingOfDevice)
    {
        var end = meter.DeletedAt ?? DateTimeOffset.MaxValue;
        if (meter.IsVirtual)
        {
            return [];
        }

        if (meter.IsHandWork)
        {
            return ConsumptionSources.Manual(meter.MeterId).Select(s => new SourceSpan(s, DateTimeOffset.MinValue, end)).ToList();
        }

        var spans = new List<SourceSpan>();
        foreach (var binding in bindings)
        {
            var from = firstBindingOfDevice.TryGetValue(binding.DeviceCode, out var first) && first == binding.From
                ? DateTimeOffset.MinValue
                : binding.From;
            var until = binding.Until is { } u && u < end ? u : end;
            if (from < until)
            {
                spans.Add(new SourceSpan(ConsumptionSources.Device(binding.DeviceCode), from, until));
            }
        }

        return spans;
    }
}
