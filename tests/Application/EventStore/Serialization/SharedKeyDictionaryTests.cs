using System.Text.Json;

namespace Energy.Application.Tests.EventStore.Serialization;

/// <summary>Event dictionaries read with shared key strings are the same data, written the same way.</summary>
public sealed class SharedKeyDictionaryTests
{
    private sealed record Reading(string Device, IReadOnlyDictionary<string, string> Fields, IReadOnlyDictionary<string, decimal> Parameters, IReadOnlyDictionary<string, string>? Extra);

    private static readonly JsonSerializerOptions Framework = new(EventSerializer.Options);

    static SharedKeyDictionaryTests()
    {
        Framework.Converters.Clear();
    }

    [Fact]
    public void Writes_what_the_framework_writes_and_reads_it_back_with_every_value()
    {
        var reading = new Reading(
            "111800000490",
            new Dictionary<string, string> { ["sjsj"] = "2026-01-01 10:00:00", ["ua"] = "220.1", ["备注"] = "电表 \"A\"", ["empty"] = "" },
            new Dictionary<string, decimal> { ["EP"] = 12345.678900m, ["UA"] = -0.0001m, ["P"] = 79228162514264337593543950335m },
            null);

        var json = JsonSerializer.Serialize(reading, EventSerializer.Options);
        json.ShouldBe(JsonSerializer.Serialize(reading, Framework));

        var back = JsonSerializer.Deserialize<Reading>(json, EventSerializer.Options)!;
        back.Fields.ShouldBe(reading.Fields, ignoreOrder: true);
        back.Parameters.ShouldBe(reading.Parameters, ignoreOrder: true);
        back.Parameters["EP"].ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("12345.678900"); // decimal scale kept
        back.Extra.ShouldBeNull();
    }

    [Fact]
    public void Two_readings_share_their_key_strings_but_not_their_values()
    {
        const string Json = """{"Device":"d","Fields":{"ua":"220.1","ia":"1.5"},"Parameters":{"EP":1.5},"Extra":{}}""";
        var first = JsonSerializer.Deserialize<Reading>(Json, EventSerializer.Options)!;
        var second = JsonSerializer.Deserialize<Reading>(Json, EventSerializer.Options)!;

        ReferenceEquals(first.Fields.Keys.First(k => k == "ua"), second.Fields.Keys.First(k => k == "ua")).ShouldBeTrue();
        ReferenceEquals(first.Parameters.Keys.Single(), second.Parameters.Keys.Single()).ShouldBeTrue();
        ReferenceEquals(first.Fields["ua"], second.Fields["ua"]).ShouldBeFalse();
        second.Extra.ShouldBeEmpty();
    }

    [Fact]
    public void Escaped_and_unusual_keys_are_read_exactly()
    {
        var json = """{"Device":"d","Fields":{"a\u0062c":"1","\u7535\u8868":"2","long-KEY":"3"},"Parameters":{},"Extra":null}""".Replace("long-KEY", new string('k', 200), StringComparison.Ordinal);
        var back = JsonSerializer.Deserialize<Reading>(json, EventSerializer.Options)!;
        back.Fields.Keys.Order(StringComparer.Ordinal).ShouldBe(new[] { "abc", new string('k', 200), "电表" }.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_value_of_the_wrong_shape_is_refused()
    {
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<Reading>("""{"Device":"d","Fields":["ua"],"Parameters":{}}""", EventSerializer.Options));
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<Reading>("""{"Device":"d","Fields":{},"Parameters":{"EP":"x"}}""", EventSerializer.Options));
    }
}
