namespace Energy.Projections.Measurements;

/// <summary>The measurement read model's tables; every name and index carries the generation suffix.</summary>
public static class MeasurementTables
{
    public const string Samples = "measure_samples";
    public const string Hours = "measure_hours";
    public const string Parameters = "measure_parameters";

    public static string Sql(string suffix) => $"""
        CREATE TABLE IF NOT EXISTS {Samples}{suffix} (
            device      text        NOT NULL,
            parameter   text        NOT NULL,
            at          timestamptz NOT NULL,
            value       numeric     NOT NULL,
            PRIMARY KEY (device, parameter, at)
        );
        CREATE TABLE IF NOT EXISTS {Hours}{suffix} (
            device      text        NOT NULL,
            parameter   text        NOT NULL,
            hour        timestamptz NOT NULL,
            total       numeric     NOT NULL,
            samples     bigint      NOT NULL,
            PRIMARY KEY (device, parameter, hour)
        );
        CREATE TABLE IF NOT EXISTS {Parameters}{suffix} (
            device      text    NOT NULL,
            parameter   text    NOT NULL,
            PRIMARY KEY (device, parameter)
        );
        """;
}
