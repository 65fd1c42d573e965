using System.Collections.Concurrent;

namespace Energy.Application.Users;

/// <summary>
/// Refuses logins (4201) for a user name from one client address after <see cref="MaxFailures"/> failures within
/// <see cref="Window"/> (sliding), so a password cannot be guessed at speed. Counted per (name, address), not per
/// address or per name alone (issue 17): five failures from a plant's shared address locked every user out, the
/// administrator included, and five from anywhere would lock the administrator out everywhere. Guessing many names
/// from one address is slowed per name only. Counts are per service instance, in memory.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<DateTimeOffset>> failures = new(StringComparer.Ordinal);

    /// <summary>The key of a name tried from an address; the name as typed (trimmed), since names are matched exactly.</summary>
    public static string Key(string name, string address) => $"{name.Trim()}\u001f{address}";

    public bool IsBlocked(string key) => Recent(key) >= MaxFailures;

    public void Failed(string key) =>
        failures.GetOrAdd(key, _ => new ConcurrentQueue<DateTimeOffset>()).Enqueue(clock.GetUtcNow());

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

        if (queue.IsEmpty)
        {
            failures.TryRemove(KeyValuePair.Create(key, queue)); // nothing recent: forget the pair
        }

        return queue.Count;
    }
}
