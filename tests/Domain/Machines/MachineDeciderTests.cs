using Energy.Domain.Machines;
using Energy.Domain.Tests.Support;

namespace Energy.Domain.Tests.Machines;

public class MachineDeciderTests
{
    private static readonly DateTimeOffset Noon = new(2024, 3, 1, 4, 0, 0, TimeSpan.Zero);
    private static readonly MachineDetails Press = new("压机1", "冲压车间", "01", "0001");
    private static readonly Decider<Machine, MachineCommand> Machines = new(Machine.None, Machine.Evolve, MachineDecider.Decide);

    [Fact]
    public void Registering_a_new_machine_records_it() =>
        Machines.Given().When(new RegisterMachine(1, Press)).ShouldBe([new MachineRegistered(1, Press)]);

    [Fact]
    public void Changing_a_machine_records_its_new_description() =>
        Machines.Given(new MachineRegistered(1, Press))
            .When(new ChangeMachine(1, Press with { Department = "总装车间" }))
            .ShouldBe([new MachineChanged(1, Press with { Department = "总装车间" })]);

    [Fact]
    public void Changing_a_machine_to_what_it_is_records_nothing() =>
        Machines.Given(new MachineRegistered(1, Press)).When(new ChangeMachine(1, Press)).ShouldBeEmpty();

    [Fact]
    public void Changing_an_unknown_machine_is_not_found() =>
        Machines.Given().Refuses(new ChangeMachine(7, Press)).Rule.ShouldBe(DomainRule.NotFound);

    [Fact]
    public void Changing_a_deleted_machine_is_not_found() =>
        Machines.Given(new MachineRegistered(1, Press), new MachineDeleted(1, Noon))
            .Refuses(new ChangeMachine(1, Press)).Rule.ShouldBe(DomainRule.NotFound);

    [Fact]
    public void Attaching_an_image_records_its_hash_and_url() =>
        Machines.Given(new MachineRegistered(1, Press))
            .When(new AttachMachineImage(1, "ab", "image/png", "/x/ab.png"))
            .ShouldBe([new MachineImageAttached(1, "ab", "image/png", "/x/ab.png")]);

    [Fact]
    public void Attaching_the_same_image_again_records_nothing() =>
        Machines.Given(new MachineRegistered(1, Press), new MachineImageAttached(1, "ab", "image/png", "/x/ab.png"))
            .When(new AttachMachineImage(1, "ab", "image/png", "/x/ab.png"))
            .ShouldBeEmpty();

    [Fact]
    public void Deleting_a_machine_without_meters_records_the_instant() =>
        Machines.Given(new MachineRegistered(1, Press)).When(new DeleteMachine(1, Noon, LiveMeters: 0))
            .ShouldBe([new MachineDeleted(1, Noon)]);

    [Fact]
    public void Deleting_a_machine_that_still_has_meters_breaks_a_rule()
    {
        var refusal = Machines.Given(new MachineRegistered(1, Press)).Refuses(new DeleteMachine(1, Noon, LiveMeters: 2));
        refusal.Rule.ShouldBe(DomainRule.Violated);
        refusal.Message.ShouldContain("2 meter(s)");
    }

    [Fact]
    public void Deleting_a_machine_twice_is_not_found() =>
        Machines.Given(new MachineRegistered(1, Press), new MachineDeleted(1, Noon))
            .Refuses(new DeleteMachine(1, Noon, 0)).Rule.ShouldBe(DomainRule.NotFound);

    [Fact]
    public void Folding_keeps_the_latest_description_image_and_deletion()
    {
        var state = new object[]
        {
            new MachineRegistered(1, Press), new MachineChanged(1, Press with { Name = "压机2" }),
            new MachineImageAttached(1, "ab", "image/png", "/x/ab.png"), new MachineDeleted(1, Noon),
        }.Aggregate(Machine.None, Machine.Evolve);
        state.ShouldBe(new Machine(1, Press with { Name = "压机2" }, "/x/ab.png", "ab", Noon));
        state.IsLive.ShouldBeFalse();
    }
}
