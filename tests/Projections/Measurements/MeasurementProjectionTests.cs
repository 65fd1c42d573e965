using System.Globalization;
using Dapper;
using Energy.Domain.Readings;
using Energy.Application.EventStore;
using Energy.Projections.Measurements;
using Energy.Projections.Tests.Support;
using Energy.Testing;

namespace Energy.Projections.Tests.Measurements;

public sealed class MeasurementProjectionTests
{
    private const string Device = "111800000901";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_reading_resent_for_the_same_instant_replaces_what_it_carries_keeps_the_rest_and_counts_once(bool samePage)
    {
        await using var measure = await MeasurementScenario.StartAsync();
        var first = measure.Reading(Device, "2019-04-01 10:15:00", ("UA", 220m), ("IA", 3.2m));
        var later = measure.Reading(Device, "2019-04-01 10:45:00", ("UA", 200m), ("IA", 3.0m));
        var resent = measure.Reading(Device, "2019-04-01 10:15:00", ("UA", 230m));
        if (samePage)
        {
            await measure.PushAsync(first, later, resent);
        }
        else
        {
            await measure.PushAsync(first, later);
            (await measure.LatestAsync(Device, "UA", "2019-04-01 10:30:00")).ShouldBe([220m]);
            await measure.PushAsync(resent);
        }

        (await measure.LatestAsync(Device, "UA", "2019-04-01 10:30:00", "2019-04-01 11:00:00")).ShouldBe([230m, 200m]);
        (await measure.LatestAsync(Device, "IA", "2019-04-01 10:30:00")).ShouldBe([3.2m], "the resent reading did not carry IA");

        // A whole hour (from the hourly totals) and a part of it (from the readings): 10:15 counts once, as 230.
        (await measure.AveragesAsync(Device, "UA", ("2019-04-01 10:00:00", "2019-04-01 11:00:00"), ("2019-04-01 10:10:00", "2019-04-01 10:50:00")))
            .ShouldBe([215m, 215m]);
        (await measure.AveragesAsync(Device, "IA", ("2019-04-01 10:00:00", "2019-04-01 11:00:00"))).ShouldBe([3.1m]);
    }

    [Fact]
    public async Task An_average_over_partial_hours_at_both_ends_is_the_mean_of_the_readings_in_the_window()
    {
        await using var measure = await MeasurementScenario.StartAsync();
        var start = MeasurementScenario.Plant("2019-04-01 08:50:00");
        var samples = Enumerable.Range(0, 53).Select(i => (At: start.AddMinutes(5 * i), Value: 200m + (i * 0.37m) + (i % 7 * 1.1m))).ToArray();
        foreach (var chunk in samples.Chunk(10))
        {
            await measure.PushAsync([.. chunk.Select(s => measure.Reading(Device, Format(s.At), ("UA", s.Value), ("P", s.Value / 10)))]);
        }

        (string From, string To)[] windows =
        [
            ("2019-04-01 09:20:00", "2019-04-01 12:40:00"), // ragged ends around two whole hours; 09:20 in, 12:40 out
            ("2019-04-01 09:20:00", "2019-04-01 09:50:00"), // inside one hour
            ("2019-04-01 10:00:00", "2019-04-01 12:00:00"), // whole hours only
            ("2019-04-01 09:59:59", "2019-04-01 11:00:01"), // a second of each neighbour
            ("2019-04-01 15:00:00", "2019-04-01 18:00:00"), // nothing there
        ];
        var expected = windows.Select(w => Mean(samples.Where(s => s.At >= MeasurementScenario.Plant(w.From) && s.At < MeasurementScenario.Plant(w.To)).Select(s => s.Value))).ToArray();

        expected[0].ShouldNotBeNull();
        expected[^1].ShouldBeNull();
        (await measure.AveragesAsync(Device, "UA", windows)).ShouldBe(expected);
    }

    [Fact]
    public async Task Rebuilding_the_projection_gives_the_same_answers_as_the_live_tables()
    {
        await using var measure = await MeasurementScenario.StartAsync();
        await measure.PushAsync(
            measure.Reading(Device, "2019-04-01 09:10:00", ("UA", 221.5m), ("IA", 3.1m), ("EP", 100m)),
            measure.Reading(Device, "2019-04-01 10:05:00", ("UA", 223.25m), ("IA", 2.9m), ("EP", 101m)),
            measure.Reading("other", "2019-04-01 10:05:00", ("PF", 0.98m)));
        await measure.PushAsync(
            measure.Reading(Device, "2019-04-01 10:05:00", ("UA", 219m)),
            measure.Reading(Device, "2019-04-01 11:40:00", ("UA", 224.125m), ("P", 12.5m)));
        await measure.PushAsync(measure.Reading(Device, "2019-04-01 09:55:00", ("UA", 218m), ("IA", 3.3m)));
        string[] points = ["2019-04-01 09:00:00", "2019-04-01 10:00:00", "2019-04-01 10:30:00", "2019-04-01 12:00:00"];
        (string, string)[] windows = [("2019-04-01 09:00:00", "2019-04-01 12:00:00"), ("2019-04-01 09:30:00", "2019-04-01 11:50:00"), ("2019-04-01 10:00:00", "2019-04-01 11:00:00")];

        async Task<string[]> AnswersAsync() =>
        [
            Text(await measure.LatestAsync(Device, "UA", points)), Text(await measure.LatestAsync(Device, "IA", points)), Text(await measure.LatestAsync(Device, "P", points)),
            Text(await measure.AveragesAsync(Device, "UA", windows)), Text(await measure.AveragesAsync(Device, "IA", windows)),
            string.Join(",", await measure.ParametersAsync(Device, "other")),
        ];

        var live = await AnswersAsync();
        live[0].ShouldBe("-,218,219,224.125");
        live[3].ShouldNotContain("-");
        live[5].ShouldBe("EP,IA,P,PF,UA");

        await measure.Host.RebuildAsync(MeasurementProjection.ProjectionName);

        (await AnswersAsync()).ShouldBe(live);
    }

    [Fact]
    public async Task Decimals_with_many_digits_come_back_exactly()
    {
        await using var measure = await MeasurementScenario.StartAsync();
        decimal[] values = [220.123456789m, 0.0000000000000000000000000001m, 7922816251426433759354395033.5m, -12.50m];
        await measure.PushAsync([.. values.Select((v, i) => measure.Reading(Device, $"2019-04-01 10:{i:00}:00", ("UA", v)))]);
        await measure.PushAsync(measure.Reading(Device, "2019-04-01 11:10:00", ("IA", 1.000000000000000000000000001m)), measure.Reading(Device, "2019-04-01 11:20:00", ("IA", 2.000000000000000000000000002m)));

        var read = await measure.LatestAsync(Device, "UA", [.. values.Select((_, i) => $"2019-04-01 10:{i:00}:00")]);
        read.ShouldBe(values.Cast<decimal?>().ToArray());
        read.Select(v => v!.Value.ToString(CultureInfo.InvariantCulture)).ShouldBe(["220.123456789", "0.0000000000000000000000000001", "7922816251426433759354395033.5", "-12.50"]);

        await using var conn = await measure.Host.DataSource.OpenConnectionAsync();
        (await conn.QuerySingleAsync<string>($"SELECT totals -> 'IA' ->> 0 FROM {MeasurementTables.Hours} WHERE device = @Device AND totals ? 'IA'", new { Device }))
            .ShouldBe("3.000000000000000000000000003", "the hour's sum keeps every digit");
    }

    [Fact]
    public async Task A_database_holding_the_old_one_row_per_parameter_tables_is_filled_again_from_the_log()
    {
        var database = await PostgresCluster.CreateDatabaseAsync("measure");
        await using (var old = await ProjectionHost.StartAsync(database, _ => { }))
        {
            var reading = new MeterReadingReceived(Device, MeasurementScenario.Plant("2019-04-01 10:15:00"), "d1", new Dictionary<string, string>(), new Dictionary<string, decimal> { ["UA"] = 220m, ["IA"] = 3.2m });
            await old.Store.AppendAsync(AppendRequest.To("readings-" + Device, ExpectedVersion.Any, [reading]));

            // As a database of the old projection stood: its tables filled, its progression at the head of the log.
            await using var conn = await old.DataSource.OpenConnectionAsync();
            await conn.ExecuteAsync("""
                CREATE TABLE measure_samples (device text, parameter text, at timestamptz, value numeric NOT NULL, PRIMARY KEY (device, parameter, at));
                CREATE TABLE measure_hours (device text, parameter text, hour timestamptz, total numeric NOT NULL, samples bigint NOT NULL, PRIMARY KEY (device, parameter, hour));
                CREATE TABLE measure_parameters (device text, parameter text, PRIMARY KEY (device, parameter));
                INSERT INTO measure_samples VALUES ('111800000901', 'UA', '2019-04-01 02:15:00Z', 220), ('111800000901', 'IA', '2019-04-01 02:15:00Z', 3.2);
                INSERT INTO measure_hours VALUES ('111800000901', 'UA', '2019-04-01 02:00:00Z', 220, 1), ('111800000901', 'IA', '2019-04-01 02:00:00Z', 3.2, 1);
                INSERT INTO measure_parameters VALUES ('111800000901', 'UA'), ('111800000901', 'IA');
                CREATE TABLE progression (name text PRIMARY KEY, kind text NOT NULL, last_seq_id bigint NOT NULL DEFAULT 0, state text NOT NULL DEFAULT 'running');
                INSERT INTO progression (name, kind, last_seq_id) SELECT 'measurements', 'projection', max(seq_id) FROM mt_events;
                """);
        }

        await using var measure = await MeasurementScenario.StartAsync(database);
        (await measure.LatestAsync(Device, "UA", "2019-04-01 10:30:00")).ShouldBe([220m]);
        (await measure.AveragesAsync(Device, "IA", ("2019-04-01 10:00:00", "2019-04-01 11:00:00"))).ShouldBe([3.2m]);
        (await measure.ParametersAsync(Device)).ShouldBe(["IA", "UA"]);
    }

    private static decimal? Mean(IEnumerable<decimal> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : Math.Round(list.Sum() / list.Count, 4);
    }

    private static string Text(decimal?[] values) => string.Join(",", values.Select(v => v?.ToString(CultureInfo.InvariantCulture) ?? "-"));

    private static string Format(DateTimeOffset at) => at.ToOffset(MeasurementScenario.Shanghai).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
