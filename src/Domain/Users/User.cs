namespace Energy.Domain.Users;

/// <summary>The contact and address details of seed 1.4, all optional but name and e-mail.</summary>
public sealed record UserProfile(
    string Email,
    string? Phone = null,
    string? XcxTitle = null,
    string? Company = null,
    string? Province = null,
    string? City = null,
    string? DetailAddress = null,
    string? Area = null);

public sealed record UserRegistered(long UserId, string Name, UserProfile Profile, [property: Secret] string PasswordHash, bool IsAdmin, DateTimeOffset At) : IEvent;

public sealed record UserProfileUpdated(long UserId, string Name, UserProfile Profile, DateTimeOffset At) : IEvent;

/// <summary>A login: the session is known by the hash of its token, never the token itself.</summary>
public sealed record SessionStarted(long UserId, Guid SessionId, [property: Secret] string TokenHash, DateTimeOffset ExpiresAt, DateTimeOffset At) : IEvent;

public sealed record SessionEnded(long UserId, Guid SessionId, DateTimeOffset At) : IEvent;

/// <summary>A user as folded from its stream.</summary>
public sealed record User(long Id, string Name, UserProfile Profile, string PasswordHash, bool IsAdmin)
{
    public static readonly User None = new(0, "", new UserProfile(""), "", false);

    public bool Exists => Id != 0;

    public static User Evolve(User state, object @event) => @event switch
    {
        UserRegistered e => new User(e.UserId, e.Name, e.Profile, e.PasswordHash, e.IsAdmin),
        UserProfileUpdated e => state with { Name = e.Name, Profile = e.Profile },
        _ => state,
    };

    public static string StreamId(long id) => $"user-{id}";
}

/// <summary>9.1: a WeChat mini-program identity bound to the user (the session key is never kept).</summary>
public sealed record WeChatIdentityBound(long UserId, string AppId, string OpenId, string? UnionId, DateTimeOffset At) : IEvent;
