using Energy.Application.Common;
using Energy.Domain.Users;
using Energy.Application.EventStore;
using Npgsql;

namespace Energy.Application.Users;

public sealed record LoggedIn(long UserId, string Name, string Token, DateTimeOffset ExpiresAt);

/// <summary>1.1 login and 1.2 logout. Wrong name and wrong password get the same answer (4102).</summary>
public sealed class LoginHandler(StreamCommands commands, NpgsqlDataSource dataSource, LoginThrottle throttle, TimeProvider clock)
{
    public async Task<LoggedIn> LoginAsync(string? name, string? password, string clientAddress, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw ContractError.BadParameter("Usr_Name", "the login name");
        }

        if (string.IsNullOrEmpty(password))
        {
            throw ContractError.BadParameter("Usr_Password", "the password");
        }

        var key = LoginThrottle.Key(name, clientAddress);
        if (throttle.IsBlocked(key))
        {
            throw ContractError.RateLimited($"too many failed logins; try again in {LoginThrottle.Window.TotalMinutes:0} minutes");
        }

        await using var cmd = dataSource.CreateCommand("SELECT id, name, password_hash FROM users WHERE name = $1");
        cmd.Parameters.Add(new() { Value = name.Trim() });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var found = await reader.ReadAsync(ct) ? (Id: reader.GetInt64(0), Name: reader.GetString(1), Hash: reader.GetString(2)) : default;
        if (found.Id == 0 || !Passwords.Verify(found.Hash, password))
        {
            throttle.Failed(key);
            throw ContractError.LoginFailed();
        }

        throttle.Succeeded(key);
        var token = Sessions.NewToken();
        var now = clock.GetUtcNow();
        var started = new SessionStarted(found.Id, Guid.NewGuid(), Sessions.HashOf(token), now + Sessions.Lifetime, now);
        await commands.AppendAsync(User.StreamId(found.Id), ExpectedVersion.Any, [started], new Actor(found.Id, found.Name, false), ct: ct);
        return new LoggedIn(found.Id, found.Name, token, started.ExpiresAt);
    }

    public async Task LogoutAsync(Actor caller, Guid sessionId, CancellationToken ct) =>
        await commands.AppendAsync(User.StreamId(caller.UserId), ExpectedVersion.Any, [new SessionEnded(caller.UserId, sessionId, clock.GetUtcNow())], caller, ct: ct);
}
