using Energy.Application.Common;
using Energy.Domain.Rates;
using Energy.Application.EventStore;

namespace Energy.Application.Rates;

/// <summary>
/// The nine rates exist from the start (CONTRACT §6 4.1). Seeded lazily, before the first read or change of
/// rates, rather than by a start-up service: no extra wiring, and a database restored without them heals itself.
/// Idempotent and race-safe: each rate is established only on an empty stream (a concurrent seeder's append
/// conflicts, is decided again and finds the rate there); ids 1–9 are reserved so the sequence never hands them out.
/// </summary>
public sealed class RateSeedingHandler(StreamCommands commands, Ids ids)
{
    public async Task EnsureAsync(CancellationToken ct = default)
    {
        // Seeding goes 1 → 9, so the last stream's existence means all are there: one cheap query per request.
        if (await commands.Store.StreamVersionAsync(Rate.StreamId(EnergyTypeRates.Count), ct) > 0)
        {
            return;
        }

        await ids.ReserveThroughAsync("rate", EnergyTypeRates.Count, ct);
        for (var type = 0; type < EnergyTypeRates.Count; type++)
        {
            var command = new EstablishRate(EnergyTypeRates.IdOf(type), type, EnergyTypeRates.Initial(type));
            await commands.HandleAsync(Rate.StreamId(command.Id), Rate.None, Rate.Evolve,
                state => RateDecider.Decide(command, state), Actor.System("rate-seeding"), ct: ct);
        }
    }
}
