using Energy.Domain.Readings;

namespace Energy.Domain.Tests.Readings;

public sealed class ReadingDeciderTests
{
    private static readonly DateTimeOffset At = new(2021, 9, 28, 1, 4, 0, TimeSpan.Zero);

    private static RecordReading Reading(params (string Field, string Value)[] fields) =>
        new("621712300001", At, "aaa-bbb", fields.ToDictionary(f => f.Field, f => f.Value));

    [Fact]
    public void A_reading_without_device_events_is_one_reading_event()
    {
        var events = ReadingDecider.Decide(Reading(("sjzt", "0"), ("axdy", "254.7")));

        var reading = events.ShouldHaveSingleItem().ShouldBeOfType<MeterReadingReceived>();
        reading.Device.ShouldBe("621712300001");
        reading.ReadAt.ShouldBe(At);
        reading.DataId.ShouldBe("aaa-bbb");
        reading.Parameters["UA"].ShouldBe(254.7m);
    }

    [Fact]
    public void Device_event_codes_1001_and_1016_become_two_events_named_from_appendix_2()
    {
        var events = ReadingDecider.Decide(Reading(("sjzt", "1001,1016")));

        events.Count.ShouldBe(3);
        var reported = events.OfType<DeviceEventReported>().ToList();
        reported.Select(e => (e.Code, e.Name)).ShouldBe([("1001", "A相过压"), ("1016", "剩余电流")]);
        reported.ShouldAllBe(e => e.Device == "621712300001" && e.OccurredAt == At && e.DataId == "aaa-bbb");
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("", 0)]
    [InlineData("1017", 1)]
    [InlineData("1001，1002, 1003", 3)]
    [InlineData("1001,1001", 1)]
    [InlineData("0,1022", 1)]
    public void Zero_and_blank_codes_raise_nothing_and_each_other_code_raises_one_event(string sjzt, int expected)
    {
        ReadingDecider.Decide(Reading(("sjzt", sjzt))).OfType<DeviceEventReported>().Count().ShouldBe(expected);
    }

    [Fact]
    public void A_code_appendix_2_does_not_list_is_still_reported_with_its_code_in_the_name()
    {
        var reported = ReadingDecider.Decide(Reading(("sjzt", "1999"))).OfType<DeviceEventReported>().ShouldHaveSingleItem();

        reported.Name.ShouldBe("未知事件 1999");
    }

    [Fact]
    public void Every_mapped_field_becomes_its_contract_parameter_as_a_decimal()
    {
        var fields = ReadingParameters.FieldToParameter.Select((p, i) => (p.Key, (i + 0.5m).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();

        var parameters = ReadingDecider.ParametersOf(fields.ToDictionary(f => f.Key, f => f.Item2));

        parameters.Keys.ShouldBe(
            ["UA", "UB", "UC", "IA", "IB", "IC", "IR", "P", "PA", "PB", "PC", "Q", "QA", "QB", "QC",
             "PF", "PFA", "PFB", "PFC", "EP", "EP1", "EP2", "EP3", "EP4", "TA", "TB", "TC", "TN", "TE"],
            ignoreOrder: true);
        parameters["UA"].ShouldBe(0.5m);
        parameters["TE"].ShouldBe(28.5m);
    }

    [Fact]
    public void Numbers_keep_every_digit_and_accept_an_exponent()
    {
        var parameters = ReadingDecider.ParametersOf(new Dictionary<string, string> { ["zxygzdl"] = "123456789.123456789", ["sydl"] = "1.5E-3" });

        parameters["EP"].ShouldBe(123456789.123456789m);
        parameters["IR"].ShouldBe(0.0015m);
    }

    [Fact]
    public void Fields_that_are_not_parameters_are_kept_but_not_mapped()
    {
        var reading = ReadingDecider.Decide(Reading(("yxzt", "00000000"), ("meterNo", "621712300001"))).OfType<MeterReadingReceived>().Single();

        reading.Fields.Keys.ShouldBe(["yxzt", "meterNo"], ignoreOrder: true);
        reading.Parameters.ShouldBeEmpty();
    }

    [Fact]
    public void A_reading_stream_is_per_device_and_plant_day()
    {
        ReadingStreams.For("111800000490", new DateOnly(2021, 9, 28)).ShouldBe("readings-111800000490-20210928");
    }
}
