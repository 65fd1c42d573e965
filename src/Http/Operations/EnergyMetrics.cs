using System.Diagnostics.Metrics;

namespace Energy.Http.Operations;

/// <summary>
/// The service's own instruments on the <see cref="MeterName"/> meter (the store's are on
/// <c>Energy.EventStore</c>): error envelopes by Err_No, and readings received for the vendor feature to count.
/// </summary>
public sealed class EnergyMetrics
{
    public const string MeterName = "Energy.Http";
    public const string Errors = "energy.http.errors";
    public const string Readings = "energy.readings.received";

    private readonly Counter<long> errors;
    private readonly Counter<long> readings;

    public EnergyMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        errors = meter.CreateCounter<long>(Errors, "{response}", "Error envelopes written, tagged with their err_no");
        readings = meter.CreateCounter<long>(Readings, "{reading}", "Meter readings accepted from pushes or pulls");
    }

    /// <summary>An error envelope was written at the contract edge.</summary>
    public void ErrorWritten(string errNo) => errors.Add(1, new KeyValuePair<string, object?>("err_no", errNo));

    /// <summary>Readings accepted (call after they were appended).</summary>
    public void ReadingsReceived(int count) => readings.Add(count);
}
