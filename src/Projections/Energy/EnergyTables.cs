namespace Energy.Projections.Energy;

/// <summary>The energy read model's tables; every name and index carries the generation suffix.</summary>
public static class EnergyTables
{
    public const string Readings = "energy_counter_readings";
    public const string Manual = "energy_manual_amounts";
    public const string Slots = "energy_slots";
    public const string Hours = "energy_hours";
    public const string Days = "energy_days";
    public const string Months = "energy_months";
    public const string Calendar = "energy_calendar";

    /// <summary>
    /// Readings and manual amounts keep the sequence number that set them, so a figure can be recomputed as
    /// the log stood at any earlier point (As_Of_Sequence); slots and rollups hold the current figures. Slots
    /// are keyed by their UTC quarter hour, hours, days and months by the start of their plant-local unit in the
    /// zone the one row of the calendar names (<see cref="EnergyRollups"/>).
    /// </summary>
    public static string Sql(string suffix) => $"""
        CREATE TABLE IF NOT EXISTS {Readings}{suffix} (
            device  text        NOT NULL,
            read_at timestamptz NOT NULL,
            value   numeric     NOT NULL,
            seq_id  bigint      NOT NULL,
            PRIMARY KEY (device, read_at)
        );
        CREATE TABLE IF NOT EXISTS {Manual}{suffix} (
            meter_id    bigint  NOT NULL,
            period_kind int     NOT NULL,
            label       text    NOT NULL,
            amount      numeric NOT NULL,
            seq_id      bigint  NOT NULL,
            PRIMARY KEY (meter_id, period_kind, label, seq_id)
        );
        CREATE TABLE IF NOT EXISTS {Slots}{suffix} (
            device  text        NOT NULL,
            slot    timestamptz NOT NULL,
            amount  numeric     NOT NULL,
            PRIMARY KEY (device, slot)
        );
        CREATE TABLE IF NOT EXISTS {Hours}{suffix} (
            device  text        NOT NULL,
            hour    timestamptz NOT NULL,
            amount  numeric     NOT NULL,
            PRIMARY KEY (device, hour)
        );
        CREATE TABLE IF NOT EXISTS {Days}{suffix} (
            device  text        NOT NULL,
            day     timestamptz NOT NULL,
            amount  numeric     NOT NULL,
            PRIMARY KEY (device, day)
        );
        CREATE TABLE IF NOT EXISTS {Months}{suffix} (
            device  text        NOT NULL,
            month   timestamptz NOT NULL,
            amount  numeric     NOT NULL,
            PRIMARY KEY (device, month)
        );
        CREATE TABLE IF NOT EXISTS {Calendar}{suffix} (
            id      smallint    PRIMARY KEY CHECK (id = 1),
            zone    text        NOT NULL
        );
        """;
}
