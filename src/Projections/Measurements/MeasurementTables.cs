namespace Energy.Projections.Measurements;

/// <summary>
/// The measurement read model's tables; every name and index carries the generation suffix. One row per
/// reading: <c>values</c> is its parameters object (<c>{"UA": 220.1, "IA": 3.2, …}</c>; jsonb numbers are
/// PostgreSQL numerics, so every decimal digit is kept), and one row per device and UTC hour whose
/// <c>totals</c> hold each parameter's <c>[sum, count]</c> over that hour's readings.
/// </summary>
/// <remarks>
/// These replaced <c>measure_samples</c>/<c>measure_hours</c> (one row per parameter per reading) under new
/// names, written by a projection with a new name, so a database holding the old shape is simply filled
/// again from the log; <c>measure_parameters</c> kept its shape and its name (2.3 reads it).
/// </remarks>
public static class MeasurementTables
{
    public const string Readings = "measure_readings";
    public const string Hours = "measure_reading_hours";
    public const string Parameters = "measure_parameters";

    public static string Sql(string suffix) => $"""
        CREATE TABLE IF NOT EXISTS {Readings}{suffix} (
            device      text        NOT NULL,
            at          timestamptz NOT NULL,
            "values"    jsonb       NOT NULL,
            PRIMARY KEY (device, at)
        );
        CREATE TABLE IF NOT EXISTS {Hours}{suffix} (
            device      text        NOT NULL,
            hour        timestamptz NOT NULL,
            totals      jsonb       NOT NULL,
            PRIMARY KEY (device, hour)
        );
        CREATE TABLE IF NOT EXISTS {Parameters}{suffix} (
            device      text    NOT NULL,
            parameter   text    NOT NULL,
            PRIMARY KEY (device, parameter)
        );
        """;
}
