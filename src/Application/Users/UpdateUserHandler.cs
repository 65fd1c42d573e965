using Energy.Application.Common;
using Energy.Domain;
using Energy.Domain.Users;

namespace Energy.Application.Users;

/// <summary>1.4: a user updates their own profile; an administrator may update anyone's.</summary>
public sealed class UpdateUserHandler(StreamCommands commands, TimeProvider clock)
{
    public async Task HandleAsync(long id, UserInput input, Actor caller, CancellationToken ct)
    {
        if (id != caller.UserId && !caller.IsAdmin)
        {
            throw ContractError.NoPermission("only an administrator may change another user's profile");
        }

        var (name, profile) = input.Validate();
        try
        {
            await commands.HandleAsync(
                User.StreamId(id), User.None, User.Evolve,
                state => UserDecider.Decide(new UpdateUserProfile(name, profile, clock.GetUtcNow()), state),
                caller,
                async (conn, tx, _) =>
                {
                    await UniqueNames.ReserveAsync(conn, tx, "user", "user", name, id, ct);
                    await UniqueNames.ReleaseAsync(conn, tx, "user", id, keep: name, ct);
                },
                ct);
        }
        catch (DomainRuleException) when (id > 0)
        {
            throw ContractError.NotFound("user", id);
        }
    }
}
