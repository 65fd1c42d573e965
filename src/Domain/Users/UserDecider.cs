namespace Energy.Domain.Users;

public sealed record RegisterUser(long UserId, string Name, UserProfile Profile, string PasswordHash, bool IsAdmin, DateTimeOffset At);

public sealed record UpdateUserProfile(string Name, UserProfile Profile, DateTimeOffset At);

/// <summary>Registration and profile changes (seed 1.3, 1.4).</summary>
public static class UserDecider
{
    public static IReadOnlyList<object> Decide(RegisterUser command, User state) =>
        state.Exists
            ? throw new DomainRuleException("id", $"user {command.UserId} already exists")
            : [new UserRegistered(command.UserId, command.Name, command.Profile, command.PasswordHash, command.IsAdmin, command.At)];

    /// <summary>An update that changes nothing appends nothing.</summary>
    public static IReadOnlyList<object> Decide(UpdateUserProfile command, User state)
    {
        if (!state.Exists)
        {
            throw new DomainRuleException("id", "no such user");
        }

        return state.Name == command.Name && state.Profile == command.Profile
            ? []
            : [new UserProfileUpdated(state.Id, command.Name, command.Profile, command.At)];
    }
}
