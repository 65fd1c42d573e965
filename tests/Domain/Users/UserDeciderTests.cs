using Energy.Domain;
using Energy.Domain.Users;

namespace Energy.Domain.Tests.Users;

public sealed class UserDeciderTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 21, 2, 0, 0, TimeSpan.Zero);
    private static readonly UserProfile Profile = new("li@example.com", City: "常州市");
    private static readonly UserRegistered Registered = new(7, "liming", Profile, "hash", false, At);

    private static User Given(params object[] events) => events.Aggregate(User.None, User.Evolve);

    [Fact]
    public void Registering_a_new_user_records_who_they_are()
    {
        UserDecider.Decide(new RegisterUser(7, "liming", Profile, "hash", false, At), Given())
            .ShouldBe([Registered]);
    }

    [Fact]
    public void Registering_an_existing_user_breaks_a_rule()
    {
        Should.Throw<DomainRuleException>(() => UserDecider.Decide(new RegisterUser(7, "x", Profile, "h", false, At), Given(Registered)));
    }

    [Fact]
    public void An_update_that_changes_nothing_appends_nothing()
    {
        UserDecider.Decide(new UpdateUserProfile("liming", Profile, At), Given(Registered)).ShouldBeEmpty();
    }

    [Fact]
    public void An_update_keeps_the_password_and_changes_the_profile()
    {
        var moved = Profile with { City = "苏州市" };
        var events = UserDecider.Decide(new UpdateUserProfile("liming", moved, At), Given(Registered));

        events.ShouldBe([new UserProfileUpdated(7, "liming", moved, At)]);
        Given([Registered, .. events]).ShouldBe(new User(7, "liming", moved, "hash", false));
    }
}
