namespace Energy.Domain.Meters;

/// <summary>Cycles among virtual meters (CONTRACT §4: a formula may not, even indirectly, refer to its own meter).</summary>
public static class FormulaGraph
{
    /// <summary>
    /// A path <c>meterId → … → meterId</c> if giving <paramref name="meterId"/> a formula naming
    /// <paramref name="references"/> closes a cycle, else null. <paramref name="referencesOf"/> gives the
    /// meters another (virtual) meter's current formula names; empty for real meters.
    /// </summary>
    public static IReadOnlyList<long>? FindCycle(long meterId, IEnumerable<long> references, Func<long, IEnumerable<long>> referencesOf)
    {
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(referencesOf);
        var visited = new HashSet<long>();
        var path = new List<long> { meterId };
        return references.Any(r => Reaches(r, meterId, referencesOf, visited, path)) ? path : null;
    }

    private static bool Reaches(long from, long target, Func<long, IEnumerable<long>> referencesOf, HashSet<long> visited, List<long> path)
    {
        path.Add(from);
        if (from == target)
        {
            return true;
        }

        if (visited.Add(from) && referencesOf(from).Any(next => Reaches(next, target, referencesOf, visited, path)))
        {
            return true;
        }

        path.RemoveAt(path.Count - 1);
        return false;
    }
}
