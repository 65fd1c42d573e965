using Energy.Application.Energy;

namespace Energy.Application.Measurements;

/// <summary>Reads parameter samples from the measurement read model (implemented beside its tables).</summary>
public interface IMeasurementReader
{
    /// <summary>For each parameter and point: the latest sample at or before the point from the device bound then; null when there is none.</summary>
    Task<IReadOnlyDictionary<string, decimal?[]>> LatestAtAsync(IReadOnlyList<SourceSpan> devices, IReadOnlyList<string> parameters, IReadOnlyList<DateTimeOffset> points, CancellationToken ct = default);

    /// <summary>For each parameter and window: the average of the samples in it (from the devices bound then); null when there are none.</summary>
    Task<IReadOnlyDictionary<string, decimal?[]>> AveragesAsync(IReadOnlyList<SourceSpan> devices, IReadOnlyList<string> parameters, IReadOnlyList<TimeWindow> windows, CancellationToken ct = default);

    /// <summary>The parameters the devices have reported (2.3 <c>Meter_Parameter</c>).</summary>
    Task<IReadOnlyList<string>> ReportedParametersAsync(IReadOnlyList<string> devices, CancellationToken ct = default);
}
