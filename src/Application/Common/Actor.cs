namespace Energy.Application.Common;

/// <summary>Who issues a command: recorded as the events' user, and checked for permissions.</summary>
public sealed record Actor(long UserId, string UserName, bool IsAdmin, string? CorrelationId = null)
{
    /// <summary>The service itself (reactors, the vendor webhook, seeding).</summary>
    public static Actor System(string name, string? correlationId = null) => new(0, name, true, correlationId);
}
