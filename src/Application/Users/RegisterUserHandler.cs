using Energy.Application.Common;
using Energy.Domain.Users;
using Energy.Application.EventStore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Energy.Application.Users;

/// <summary>
/// 1.3: the first user registers freely and becomes administrator; afterwards only an administrator may
/// register users, unless <c>Energy:Auth:OpenRegistration</c> is true (CONTRACT §3).
/// </summary>
public sealed class RegisterUserHandler(IEventStore store, NpgsqlDataSource dataSource, Ids ids, IConfiguration configuration, TimeProvider clock)
{
    private const long RegistrationLock = 0x7573_6572; // "user": registrations are rare, so one at a time

    public async Task<long> HandleAsync(UserInput input, Actor? caller, CancellationToken ct)
    {
        var (name, profile) = input.Validate();
        var hash = Passwords.Hash(input.ValidPassword());
        var openRegistration = configuration.GetValue<bool>("Energy:Auth:OpenRegistration");

        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var hold = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({RegistrationLock})", conn, tx))
        {
            await hold.ExecuteNonQueryAsync(ct);
        }

        // The first-user decision is made under the lock, so two racing bootstraps cannot both become admin.
        await using var count = new NpgsqlCommand("SELECT count(*) FROM users", conn, tx);
        var first = (long)(await count.ExecuteScalarAsync(ct))! == 0;
        if (!first && !openRegistration && caller is not { IsAdmin: true })
        {
            throw caller is null ? ContractError.NotLoggedIn() : ContractError.NoPermission("only an administrator may register users");
        }

        var id = await ids.NextAsync("user", ct);
        await UniqueNames.ReserveAsync(conn, tx, "user", "user", name, id, ct);
        var events = UserDecider.Decide(new RegisterUser(id, name, profile, hash, first, clock.GetUtcNow()), User.None);
        var registrar = caller ?? Actor.System(name);
        await store.AppendAsync(conn, tx, AppendRequest.To(User.StreamId(id), ExpectedVersion.NoStream, events, StreamCommands.Metadata(registrar)), ct);
        await tx.CommitAsync(ct);
        return id;
    }
}
