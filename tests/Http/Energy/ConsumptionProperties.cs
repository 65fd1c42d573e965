using System.Globalization;
using Energy.Http.Tests.Meters;
using Energy.Http.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Energy.Http.Tests.Consumption;

/// <summary>
/// CONTRACT §6 Consumption as a property of the whole path: random counter series of several devices, cut into
/// random pushes, sent in a random order, with the daemon catching up at random points in between; every 3.1
/// total (month and day) and every 3.2 hour and day, by meter and by energy type, equals counter(b) − counter(a)
/// computed here from the series alone (<see cref="CounterOracle"/>), to the decimal.
/// </summary>
/// <remarks>
/// Cases share the database: case n lies in plant month 2001-01 + (n mod 300) (readings before 2000 are refused) and a by-type figure is expected to
/// be the sum over every series pushed so far, of any case. Counters rise by a whole number of hundredths per minute and
/// readings are whole minutes apart, so every interpolated boundary value has two decimals and "to the decimal"
/// is exact; a reset halves the counter (a drop counts nothing).
/// </remarks>
public sealed class ConsumptionProperties(EnergyQueryHost host) : IClassFixture<EnergyQueryHost>
{
    private const int Cases = 500;
    private static readonly DateTime FirstMonth = new(2001, 1, 1);
    private readonly List<CounterOracle> pushed = [];
    private int caseNumber;
    private long machineId;

    private static readonly Gen<int[]> Gaps =
        Gen.Frequency((3, Gen.Choose(1, 14)), (3, Gen.Choose(15, 120)), (1, Gen.Choose(121, 1800))).ArrayOf().Where(g => g.Length is >= 1 and <= 12);

    /// <summary>One device: minutes after its month's start, and counter values.</summary>
    private static readonly Gen<CounterSeries> Series =
        from startMinute in Gen.Choose(0, 20 * 24 * 60)
        from first in Gen.Choose(0, 10_000)
        from gaps in Gaps
        from rates in Gen.Choose(0, 300).ArrayOf(gaps.Length)
        from resets in Gen.Frequency((14, Gen.Constant(false)), (1, Gen.Constant(true))).ArrayOf(gaps.Length)
        select CounterSeries.Of(startMinute, first, gaps, rates, resets);

    /// <summary>Every reading once, shuffled, cut into pushes of one device, and whether the daemon catches up after each.</summary>
    private static Gen<CaseData> Data =>
        from devices in Series.ArrayOf().Where(a => a.Length is >= 1 and <= 3)
        let all = devices.SelectMany((s, d) => s.Readings.Select((_, i) => (Device: d, Index: i))).ToArray()
        from order in Gen.Shuffle(all)
        from cuts in Gen.Choose(1, 6).ArrayOf(order.Length)
        from catchUps in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true))).ArrayOf(order.Length)
        select new CaseData(devices, Pushes(order, cuts, catchUps));

    [Fact]
    public void Every_total_equals_the_counter_difference_whatever_the_batching_arrival_order_and_catch_up_points()
    {
        Prop.ForAll(Arb.From(Data), data => Task.Run(() => CheckAsync(data)).GetAwaiter().GetResult())
            .Check(Config.QuickThrowOnFailure.WithMaxTest(Cases).WithQuietOnSuccess(true));
        caseNumber.ShouldBeGreaterThanOrEqualTo(Cases);
    }

    private async Task CheckAsync(CaseData data)
    {
        var client = await host.AdminClientAsync();
        if (machineId == 0)
        {
            machineId = await client.CreateMachineAsync("性质机");
        }

        var number = caseNumber++;
        var month = FirstMonth.AddMonths(number % 300);
        var meters = new List<(string Name, CounterOracle Oracle)>();
        for (var d = 0; d < data.Devices.Length; d++)
        {
            var (device, name) = ($"P{number}D{d}", $"性质{number}-{d}");
            await client.MeterAsync(machineId, name, $",\"Meter_Code\":\"{device}\",\"Meter_IsCount\":\"1\"");
            meters.Add((name, new CounterOracle(data.Devices[d].Readings.Select(r => (month.AddMinutes(r.Minute), r.Value)))));
            pushed.Add(meters[^1].Oracle);
        }

        foreach (var push in data.Pushes)
        {
            var series = data.Devices[push.Device];
            await host.PushAsync($"P{number}D{push.Device}", push.Readings.Select(i => (Wall(month.AddMinutes(series.Readings[i].Minute)), series.Readings[i].Value)).ToArray());
            if (push.CatchUp)
            {
                await host.EnergyCaughtUpAsync();
            }
        }

        await host.EnergyCaughtUpAsync();
        var label = $"case {number} ({month:yyyy-MM}): {data}";
        var names = string.Join(",", meters.Select(m => m.Name));
        var next = month.AddMonths(1);

        await ExpectTotalsAsync(client, "allenergy", "2", month, next, meters, names, label);
        var days = meters.SelectMany(m => m.Oracle.Days).Distinct().Order().ToArray();
        if (days.Length > 0)
        {
            var day = days[number % days.Length];
            await ExpectTotalsAsync(client, "allenergy", "3", day, day.AddDays(1), meters, names, label);
            await ExpectPointsAsync(client, "3", day, day.AddDays(1), TimeSpan.FromHours(1), meters, names, label);
        }

        await ExpectPointsAsync(client, "2", month, next, null, meters, names, label);
    }

    /// <summary>3.1 over [from, to): each meter's total (Amount_Type 2) and the energy type's (Amount_Type 1).</summary>
    private async Task ExpectTotalsAsync(HttpClient client, string endpoint, string timeType, DateTime from, DateTime to,
        List<(string Name, CounterOracle Oracle)> meters, string names, string label)
    {
        (string, string)[] window = [("Time_Type", timeType), ("Time_Start", Wall(from)), ("Time_End", Wall(to))];
        var byMeter = await client.QueryAsync(endpoint, [.. window, ("Amount_Type", "2"), ("Amount_SortName", names)]);
        foreach (var (name, oracle) in meters)
        {
            byMeter.Total(name, "性质机", department: "冲压车间").ShouldBe(Amount(oracle.Between(from, to)), $"{label}: {name} [{Wall(from)}, {Wall(to)})");
        }

        var byType = await client.QueryAsync(endpoint, [.. window, ("Amount_Type", "1"), ("Amount_Value", "0")]);
        byType.Total().ShouldBe(Amount(pushed.Sum(o => o.Between(from, to))), $"{label}: by type [{Wall(from)}, {Wall(to)})");
    }

    /// <summary>3.2 over [from, to): every point of each meter and of the energy type.</summary>
    private async Task ExpectPointsAsync(HttpClient client, string timeType, DateTime from, DateTime to, TimeSpan? step,
        List<(string Name, CounterOracle Oracle)> meters, string names, string label)
    {
        (string, string)[] window = [("Time_Type", timeType), ("Time_Start", Wall(from)), ("Time_End", Wall(to))];
        var starts = step is { } s
            ? Enumerable.Range(0, (int)((to - from) / s)).Select(i => from + (i * s)).ToArray()
            : Enumerable.Range(0, (to - from).Days).Select(d => from.AddDays(d)).ToArray();
        DateTime End(DateTime start) => start + (step ?? TimeSpan.FromDays(1));

        var byMeter = await client.QueryAsync("detailenergy", [.. window, ("Amount_Type", "2"), ("Amount_SortName", names)]);
        foreach (var (name, oracle) in meters)
        {
            var points = byMeter.Points(name);
            points.Count.ShouldBe(starts.Length, label);
            foreach (var start in starts)
            {
                points[Wall(start)].ShouldBe(Amount(oracle.Between(start, End(start))), $"{label}: {name} at {Wall(start)}");
            }
        }

        var byType = (await client.QueryAsync("detailenergy", [.. window, ("Amount_Type", "1"), ("Amount_Value", "0")])).Points();
        foreach (var start in starts)
        {
            byType[Wall(start)].ShouldBe(Amount(pushed.Sum(o => o.Between(start, End(start)))), $"{label}: by type at {Wall(start)}");
        }
    }

    private static List<Push> Pushes((int Device, int Index)[] order, int[] cuts, bool[] catchUps)
    {
        var pushes = new List<Push>();
        for (int at = 0, chunk = 0; at < order.Length; chunk++)
        {
            var take = Math.Min(cuts[chunk], order.Length - at);
            pushes.AddRange(order.Skip(at).Take(take).GroupBy(r => r.Device).Select(g => new Push(g.Key, g.Select(r => r.Index).ToArray(), false)));
            pushes[^1] = pushes[^1] with { CatchUp = catchUps[chunk] };
            at += take;
        }

        return pushes;
    }

    private static string Wall(DateTime plantClock) => plantClock.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Amount(decimal value) => Application.Energy.EnergyFormat.Amount(value);

    private sealed record Push(int Device, int[] Readings, bool CatchUp)
    {
        public override string ToString() => $"{Device}:[{string.Join(' ', Readings)}]{(CatchUp ? "!" : "")}";
    }

    private sealed record CaseData(CounterSeries[] Devices, IReadOnlyList<Push> Pushes)
    {
        public override string ToString() => $"{string.Join(" | ", Devices.AsEnumerable())} pushes {string.Join(' ', Pushes)}";
    }
}
