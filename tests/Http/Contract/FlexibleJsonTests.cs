using System.Text.Json;
using System.Text.Json.Serialization;
using Energy.Http.Contract;

namespace Energy.Http.Tests.Contract;

public sealed class FlexibleJsonTests
{
    private static readonly JsonSerializerOptions Options = ContractJson.CreateOptions();

    private sealed record Reading(
        [property: JsonPropertyName("Total_Amount")] string TotalAmount,
        [property: JsonPropertyName("Data_Amount"), JsonConverter(typeof(FlexibleDecimalConverter))] decimal DataAmount,
        [property: JsonPropertyName("Is_HandWork"), JsonConverter(typeof(FlexibleIntConverter))] int HandWork,
        [property: JsonPropertyName("Meter_IsCount"), JsonConverter(typeof(FlagConverter))] bool IsCount);

    [Fact]
    public void A_str_field_accepts_a_number_and_keeps_its_digits()
    {
        var reading = JsonSerializer.Deserialize<Reading>(
            """{"Total_Amount":12.50,"Data_Amount":"3.25","Is_HandWork":"1","Meter_IsCount":"1"}""", Options)!;

        reading.ShouldBe(new Reading("12.50", 3.25m, 1, true));
    }

    [Fact]
    public void Numbers_and_flags_are_written_as_the_seed_types_them()
    {
        var json = JsonSerializer.Serialize(new Reading("12.50", 3.25m, 1, false), Options);

        json.ShouldBe("""{"Total_Amount":"12.50","Data_Amount":3.25,"Is_HandWork":1,"Meter_IsCount":"0"}""");
    }

    [Fact]
    public void A_non_numeric_string_for_a_number_fails_with_the_field_in_the_path()
    {
        var error = Should.Throw<ContractValueException>(() => JsonSerializer.Deserialize<Reading>(
            """{"Total_Amount":"1","Data_Amount":"abc","Is_HandWork":0,"Meter_IsCount":"0"}""", Options));

        error.Path.ShouldBe("$.Data_Amount");
        ContractJson.FieldOf(error).ShouldBe("Data_Amount");
        error.Message.ShouldContain("must be a number");
    }

    [Fact]
    public void Decimals_are_not_parsed_through_double() =>
        JsonSerializer.Deserialize<Reading>(
            """{"Total_Amount":"1","Data_Amount":"0.1000000000000000055511151231","Is_HandWork":0,"Meter_IsCount":"0"}""", Options)!
            .DataAmount.ShouldBe(0.1000000000000000055511151231m);
}
