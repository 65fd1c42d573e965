using Energy.Domain.Platform;

namespace Energy.Domain.Tests.Platform;

public sealed class CollectItemTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    private static CollectItem Item(long meter = 12) =>
        new("全厂-电力", meter, "06", "01", "02", "03", "013300", "0.7143", "11", "1", "1", null, null, 1);

    [Fact]
    public void The_data_code_is_process_unit_equipment_equipment_unit_energy_code_and_usage()
    {
        Item().DataCode.ShouldBe("06" + "01" + "02" + "03" + "013300" + "11");
        Item().DataCode.Length.ShouldBe(16);
    }

    [Fact]
    public void The_ledger_keeps_the_latest_successful_day_and_month_per_item_whatever_the_order()
    {
        var key = Item().Key;
        var ledger = new object[]
        {
            new PlatformUploadAttempted("u", "{}", "{}", true, [new UploadedValue(key, 1, "2026-11-02")], At),
            new PlatformUploadAttempted("u", "{}", "{}", true, [new UploadedValue(key, 1, "2026-11-01"), new UploadedValue(key, 2, "2026-10")], At),
            new PlatformUploadAttempted("u", "{}", "down", false, [new UploadedValue(key, 1, "2026-11-03")], At),
        }.Aggregate(UploadLedger.Empty, UploadLedger.Evolve);

        ledger.Last[(key, 1)].ShouldBe("2026-11-02");
        ledger.Last[(key, 2)].ShouldBe("2026-10");
    }

    [Fact]
    public void A_new_organisation_info_replaces_the_items_but_the_link_stays_configured_since_the_first()
    {
        var state = new object[]
        {
            new OrganisationInfoSet([Item(1)], "{}", At),
            new OrganisationInfoSet([Item(2)], "{\"x\":1}", At.AddDays(3)),
        }.Aggregate(PlatformState.Empty, PlatformState.Evolve);

        state.Items.ShouldHaveSingleItem().MeterId.ShouldBe(2);
        state.ConfiguredAt.ShouldBe(At);
        state.Document.ShouldBe("{\"x\":1}");
    }
}
