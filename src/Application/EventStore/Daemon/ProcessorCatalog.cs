namespace Energy.Application.EventStore;

/// <summary>The processors this build registers, by name: what the daemon runs and operators may ask about.</summary>
public sealed class ProcessorCatalog(IEnumerable<IEventProcessor> processors)
{
    public IReadOnlyList<IEventProcessor> All { get; } = processors.ToArray();

    public IEventProcessor? Find(string name) => All.FirstOrDefault(p => p.Name == name);
}
