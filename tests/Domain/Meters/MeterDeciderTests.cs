using Energy.Domain.Meters;
using Energy.Domain.Tests.Support;

namespace Energy.Domain.Tests.Meters;

public class MeterDeciderTests
{
    private static readonly DateTimeOffset T1 = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset T2 = T1.AddHours(5);
    private static readonly MeterDetails Main = new("总表", 0, 3, "", false, "", true, true, false);
    private static readonly Decider<Meter, MeterCommand> Meters = new(Meter.None, Meter.Evolve, MeterDecider.Decide);
    private static readonly MeterRegistered Registered = new(1, Main, T1);

    private static ChangeMeter Edit(MeterEdit edit, string? code = null, decimal? total = null, MeterDetails? basis = null, bool machineIsLive = true) =>
        new(1, edit, basis, code, total, T2, machineIsLive);

    [Fact]
    public void Registering_a_meter_records_it_with_its_binding_and_offset() =>
        Meters.Given().When(new RegisterMeter(1, Main, "111800000490", 12.5m, T1, MachineIsLive: true)).ShouldBe(
        [
            Registered, new MeterBoundToDevice(1, "111800000490", T1), new MeterTotalAmountSet(1, 12.5m, T1),
        ]);

    [Fact]
    public void Registering_a_meter_without_code_or_offset_records_only_the_meter() =>
        Meters.Given().When(new RegisterMeter(1, Main, "", null, T1, true)).ShouldBe([Registered]);

    [Fact]
    public void Registering_a_meter_on_a_missing_machine_breaks_a_rule() =>
        Meters.Given().Refuses(new RegisterMeter(1, Main, "", null, T1, MachineIsLive: false)).Rule.ShouldBe(DomainRule.Violated);

    [Theory]
    [InlineData(-1)]
    [InlineData(9)]
    public void An_energy_type_outside_0_to_8_is_invalid(int type)
    {
        var refusal = Meters.Given().Refuses(new RegisterMeter(1, Main with { EnergyType = type }, "", null, T1, true));
        refusal.Rule.ShouldBe(DomainRule.Invalid);
        refusal.Field.ShouldBe(nameof(MeterDetails.EnergyType));
    }

    [Fact]
    public void A_virtual_meter_without_formula_is_invalid() =>
        Meters.Given().Refuses(new RegisterMeter(1, Main with { IsVirtual = true }, "", null, T1, true))
            .Field.ShouldBe(nameof(MeterDetails.Formula));

    [Fact]
    public void A_formula_on_a_real_meter_is_invalid() =>
        Meters.Given().Refuses(new RegisterMeter(1, Main with { Formula = "{2}" }, "", null, T1, true))
            .Field.ShouldBe(nameof(MeterDetails.Formula));

    [Fact]
    public void Renaming_keeps_the_fields_the_update_leaves_out() =>
        Meters.Given(Registered).When(Edit(new MeterEdit("分表", 0, 3))).ShouldBe([new MeterChanged(1, Main with { Name = "分表" })]);

    [Fact]
    public void An_update_that_changes_nothing_records_nothing() =>
        Meters.Given(Registered).When(Edit(new MeterEdit("总表", 0, 3, IsCount: true))).ShouldBeEmpty();

    [Fact]
    public void Moving_a_meter_to_a_missing_machine_breaks_a_rule() =>
        Meters.Given(Registered).Refuses(Edit(new MeterEdit("总表", 0, 9), machineIsLive: false)).Rule.ShouldBe(DomainRule.Violated);

    [Fact]
    public void An_update_made_against_an_older_state_keeps_the_other_writers_change()
    {
        // Writer A renamed the meter after writer B read it; B changes the type only.
        var basis = Main;
        Meters.Given(Registered, new MeterChanged(1, Main with { Name = "A的名字" }))
            .When(Edit(new MeterEdit("总表", 5, 3), basis: basis))
            .ShouldBe([new MeterChanged(1, Main with { Name = "A的名字", EnergyType = 5 })]);
    }

    [Fact]
    public void Two_writers_changing_one_field_differently_is_a_conflict()
    {
        var refusal = Meters.Given(Registered, new MeterChanged(1, Main with { Name = "A的名字" }))
            .Refuses(Edit(new MeterEdit("B的名字", 0, 3), basis: Main));
        refusal.Rule.ShouldBe(DomainRule.Conflict);
        refusal.Message.ShouldContain("Name");
    }

    [Fact]
    public void Binding_another_device_ends_the_old_binding_first() =>
        Meters.Given(Registered, new MeterBoundToDevice(1, "A", T1)).When(Edit(new MeterEdit("总表", 0, 3), code: "B"))
            .ShouldBe([new MeterUnboundFromDevice(1, "A", T2), new MeterBoundToDevice(1, "B", T2)]);

    [Fact]
    public void An_empty_code_unbinds_and_an_absent_code_keeps_the_binding()
    {
        Meters.Given(Registered, new MeterBoundToDevice(1, "A", T1)).When(Edit(new MeterEdit("总表", 0, 3), code: ""))
            .ShouldBe([new MeterUnboundFromDevice(1, "A", T2)]);
        Meters.Given(Registered, new MeterBoundToDevice(1, "A", T1)).When(Edit(new MeterEdit("总表", 0, 3))).ShouldBeEmpty();
    }

    [Fact]
    public void A_new_total_amount_is_set_from_the_instant_of_the_update() =>
        Meters.Given(Registered, new MeterTotalAmountSet(1, 10m, T1)).When(Edit(new MeterEdit("总表", 0, 3), total: 25m))
            .ShouldBe([new MeterTotalAmountSet(1, 25m, T2)]);

    [Fact]
    public void Turning_a_virtual_meter_real_drops_its_formula() =>
        Meters.Given(new MeterRegistered(1, Main with { IsVirtual = true, Formula = "{2}+{3}" }, T1))
            .When(Edit(new MeterEdit("总表", 0, 3, IsVirtual: false)))
            .ShouldBe([new MeterChanged(1, Main)]);

    [Fact]
    public void Deleting_a_bound_meter_unbinds_it_and_records_the_instant() =>
        Meters.Given(Registered, new MeterBoundToDevice(1, "A", T1)).When(new DeleteMeter(1, T2))
            .ShouldBe([new MeterUnboundFromDevice(1, "A", T2), new MeterDeleted(1, T2)]);

    [Fact]
    public void A_deleted_meter_cannot_be_changed_or_deleted_again()
    {
        var given = Meters.Given(Registered, new MeterDeleted(1, T2));
        given.Refuses(new DeleteMeter(1, T2)).Rule.ShouldBe(DomainRule.NotFound);
        given.Refuses(Edit(new MeterEdit("x", 0, 3))).Rule.ShouldBe(DomainRule.NotFound);
    }
}
