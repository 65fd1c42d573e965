using System.Collections.Concurrent;
using System.Reflection;

namespace Energy.Application.EventStore;

/// <summary>
/// Maps event CLR types to the stable names stored in <c>mt_events.type</c> (Marten maps each type to it). The name is the type's name unless
/// registered otherwise, so moving a record between namespaces never orphans stored events; a renamed type
/// keeps its old name by registering it explicitly.
/// </summary>
public sealed class EventTypeRegistry
{
    private readonly ConcurrentDictionary<Type, string> names = new();
    private readonly ConcurrentDictionary<string, Type> types = new(StringComparer.Ordinal);

    public EventTypeRegistry Register(Type type, string? name = null)
    {
        var stable = name ?? type.Name;
        if (types.TryGetValue(stable, out var existing) && existing != type)
        {
            throw new InvalidOperationException($"Event name '{stable}' is taken by {existing.FullName}; give {type.FullName} another name.");
        }

        types[stable] = type;
        names[type] = stable;
        return this;
    }

    public EventTypeRegistry Register<T>(string? name = null) => Register(typeof(T), name);

    /// <summary>Registers every concrete type of the assembly that the filter accepts.</summary>
    public EventTypeRegistry RegisterAll(Assembly assembly, Func<Type, bool> isEvent)
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && isEvent(t)))
        {
            Register(type);
        }

        return this;
    }

    public string NameOf(Type type) =>
        names.TryGetValue(type, out var name)
            ? name
            : throw new InvalidOperationException($"{type.FullName} is not a registered event type.");

    public Type? TypeOf(string name) => types.GetValueOrDefault(name);

    public IReadOnlyCollection<string> Names => types.Keys.ToArray();
}
