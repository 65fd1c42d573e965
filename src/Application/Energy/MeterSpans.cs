using Energy.Application.Meters;
using Energy.Domain.Energy;

namespace Energy.Application.Energy;

/// <summary>Where a meter's consumption comes from, and when (CONTRACT §4), for <see cref="IConsumptionReader"/>.</summary>
public static class MeterSpans
{
    /// <summary>Spans of many meters at once, from one read of every binding (the one rule every figure uses).</summary>
    public static async Task<Dictionary<long, IReadOnlyList<SourceSpan>>> OfAsync(MeterQueries meters, IEnumerable<MeterFacts> of, CancellationToken ct)
    {
        var byMeter = (await meters.AllBindingsAsync(ct)).ToLookup(b => b.MeterId);
        return of.ToDictionary(m => m.MeterId, m => Of(m, byMeter[m.MeterId]));
    }

    /// <summary>
    /// A hand-filled meter counts its day and month fills; another counts its devices' readings over each
    /// binding's <c>[AttributedFrom, Until)</c> (the attribution rule of <c>meter_bindings</c>, docs/ATTRIBUTION.md:
    /// a device's first binding reaches back before it). Everything stops at the meter's deletion.
    /// </summary>
    /// <param name="bindings">The meter's bindings.</param>
    public static IReadOnlyList<SourceSpan> Of(MeterFacts meter, IEnumerable<MeterBinding> bindings)
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
            var from = binding.AttributedFrom;
            var until = binding.Until is { } u && u < end ? u : end;
            if (from < until)
            {
                spans.Add(new SourceSpan(ConsumptionSources.Device(binding.DeviceCode), from, until));
            }
        }

        return spans;
    }
}
