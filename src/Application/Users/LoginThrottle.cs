using System.Collections.Concurrent;

namespace Energy.Application.Users;

/// <summary>
/// Refuses logins for a name or an address after repeated failures (4201), so passwords cannot be guessed
/// at speed. Counts are per service instance: enough to make guessing slow; the window slides.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<DateTimeOffset>> failures = new(StringComparer.Ordinal);

    public bool IsBlocked(params string[] keys) => keys.Any(k => Recent(k) >= MaxFailures);

    public void Failed(params string[] keys)
    {
        foreach (var key in keys)
        {
            failures.GetOrAdd(key, _ => new ConcurrentQueue<DateTimeOffset>()).Enqueue(clock.GetUtcNow());
        }
    }

    public void Succeeded(string key) => failures.TryRemove(key, out _);

    private int Recent(string key)
    {
        if (!failures.TryGetValue(key, out var queue))
        {
            return 0;
        }

        while (queue.TryPeek(out var oldest) && clock.GetUtcNow() - oldest > Window)
        {
            queue.TryDequeue(out _);
        }

        return queue.Count;
    }
}
