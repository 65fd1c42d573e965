namespace Energy.Domain.Machines;

/// <summary>A machine as folded from its stream <c>machine-&lt;id&gt;</c>.</summary>
public sealed record Machine(
    long Id,
    MachineDetails Details,
    string ImageUrl,
    string ImageHash,
    DateTimeOffset? DeletedAt)
{
    /// <summary>Before the first event: nothing exists.</summary>
    public static readonly Machine None = new(0, new MachineDetails("", "", "", ""), "", "", null);

    public bool Exists => Id != 0;

    /// <summary>Exists and is not deleted: can be changed, and meters can be put on it.</summary>
    public bool IsLive => Exists && DeletedAt is null;

    public static string StreamId(long id) => $"machine-{id}";

    public static Machine Evolve(Machine state, object @event) => @event switch
    {
        MachineRegistered e => None with { Id = e.MachineId, Details = e.Details },
        MachineChanged e => state with { Details = e.Details },
        MachineImageAttached e => state with { ImageUrl = e.ImageUrl, ImageHash = e.ContentHash },
        MachineDeleted e => state with { DeletedAt = e.DeletedAt },
        _ => state,
    };
}
