using Energy.Domain.Vendor;

namespace Energy.Domain.Tests.Vendor;

public sealed class VendorTaskTests
{
    private static readonly DateTimeOffset At = new(2019, 4, 9, 2, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, string> Result = new() { ["jdqzt"] = "1" };

    private static VendorTaskState Given(params object[] history) => history.Aggregate(VendorTaskState.Initial, VendorTask.Evolve);

    [Fact]
    public void A_new_task_is_dispatched()
    {
        VendorTask.Decide(new DispatchVendorTask("t1", "111800000490", VendorTaskMode.OpenRelay, At, "admin"), Given())
            .ShouldBe([new VendorTaskDispatched("t1", "111800000490", VendorTaskMode.OpenRelay, At, "admin")]);
    }

    [Fact]
    public void Dispatching_the_same_task_again_records_nothing()
    {
        var given = Given(new VendorTaskDispatched("t1", "111800000490", VendorTaskMode.OpenRelay, At, "admin"));

        VendorTask.Decide(new DispatchVendorTask("t1", "111800000490", VendorTaskMode.OpenRelay, At, "admin"), given).ShouldBeEmpty();
    }

    [Fact]
    public void A_result_completes_the_task_with_its_relay_state()
    {
        var given = Given(new VendorTaskDispatched("t1", "111800000490", VendorTaskMode.OpenRelay, At, "admin"));

        var completed = VendorTask.Decide(new CompleteVendorTask("t1", "111800000490", At, Result), given).ShouldHaveSingleItem().ShouldBeOfType<VendorTaskCompleted>();

        completed.RelayState.ShouldBe("1");
    }

    [Fact]
    public void A_result_for_a_task_never_dispatched_here_is_kept()
    {
        VendorTask.Decide(new CompleteVendorTask("t9", "111800000490", At, Result), Given()).ShouldHaveSingleItem();
    }

    [Fact]
    public void A_second_result_for_a_completed_task_records_nothing()
    {
        var given = Given(new VendorTaskCompleted("t1", "111800000490", At, "1", Result));

        VendorTask.Decide(new CompleteVendorTask("t1", "111800000490", At, Result), given).ShouldBeEmpty();
    }
}
