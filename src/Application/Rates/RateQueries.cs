using Energy.Application.Common;
using Energy.Domain.Rates;
using Energy.Application.EventStore;

namespace Energy.Application.Rates;

/// <summary>Seed 4.2 and the price history the energy queries cost consumption with.</summary>
public sealed class RateQueries(IEventStore store, RateSeedingHandler seeding, PlantTime plantTime)
{
    /// <summary>The nine rates as they stand now, by id.</summary>
    public async Task<IReadOnlyList<Rate>> ListAsync(CancellationToken ct = default)
    {
        await seeding.EnsureAsync(ct);
        var rates = new List<Rate>();
        for (var type = 0; type < EnergyTypeRates.Count; type++)
        {
            var id = EnergyTypeRates.IdOf(type);
            rates.Add((await store.AggregateStreamAsync(Rate.StreamId(id), Rate.None, Rate.Evolve, ct: ct)).State);
        }

        return rates;
    }

    /// <summary>Every rate's effective-from history, in the plant's zone (segments are wall-clock times).</summary>
    public async Task<RateSchedule> ScheduleAsync(CancellationToken ct = default)
    {
        await seeding.EnsureAsync(ct);
        var versions = new List<RateVersion>();
        for (var type = 0; type < EnergyTypeRates.Count; type++)
        {
            var events = await store.ReadStreamAsync(Rate.StreamId(EnergyTypeRates.IdOf(type)), ct: ct);
            versions.AddRange(RateVersion.From(events.Select(e => e.Data)));
        }

        return new RateSchedule(versions, plantTime.Zone);
    }
}
