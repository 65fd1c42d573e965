using Energy.Application.Common;

namespace Energy.Http.Tests.Contract;

public sealed class PlantTimeTests
{
    private static readonly PlantTime Shanghai = PlantTime.ForZone("Asia/Shanghai");
    private static readonly DateTimeOffset MidnightApril1InShanghai = new(2019, 3, 31, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_default_zone_is_Asia_Shanghai() =>
        PlantTime.ForZone(null).Zone.Id.ShouldBe("Asia/Shanghai");

    [Fact]
    public void A_seed_time_is_plant_wall_clock()
    {
        var instant = Shanghai.Parse("2019-04-01 00:00:00", "Time_Start");

        instant.ShouldBe(MidnightApril1InShanghai);
        instant.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void An_instant_is_formatted_back_as_plant_wall_clock() =>
        Shanghai.Format(MidnightApril1InShanghai).ShouldBe("2019-04-01 00:00:00");

    [Theory]
    [InlineData("2019-04-01T00:00:00")]
    [InlineData("2019-04-01T00:00:00+08:00")]
    [InlineData("2019-03-31T16:00:00Z")]
    [InlineData("2019-03-31T17:00:00+01:00")]
    [InlineData("2019-04-01 00:00:00.000")]
    [InlineData("2019-04-01")]
    public void Iso_inputs_name_the_same_instant(string text) =>
        Shanghai.Parse(text, "Time_Start").ShouldBe(MidnightApril1InShanghai);

    [Fact]
    public void An_offset_means_that_instant_whatever_the_plant_zone() =>
        PlantTime.ForZone("Europe/Berlin").Parse("2019-04-01T00:00:00+08:00", "Time_Start").ShouldBe(MidnightApril1InShanghai);

    [Theory]
    [InlineData("2019-13-01 00:00:00")]
    [InlineData("01/04/2019")]
    [InlineData("yesterday")]
    [InlineData("")]
    public void A_bad_time_is_a_bad_parameter_naming_the_field(string text)
    {
        var error = Should.Throw<ContractError>(() => Shanghai.Parse(text, "Time_End"));

        error.ErrNo.ShouldBe(ErrNo.BadParameter);
        error.Message.ShouldContain("Time_End");
    }

    [Fact]
    public void A_wall_clock_time_skipped_by_daylight_saving_is_refused() =>
        PlantTime.ForZone("Europe/Berlin").TryParseInstant("2019-03-31 02:30:00", out _).ShouldBeFalse();

    [Fact]
    public void An_unknown_zone_stops_the_service_with_a_clear_message() =>
        Should.Throw<InvalidOperationException>(() => PlantTime.ForZone("Mars/Olympus")).Message.ShouldContain("Energy:TimeZone");
}
