using Energy.Application.Common;
using Energy.Application.Settings;
using Energy.Domain.Rates;

namespace Energy.Application.Rates;

/// <summary>Seed 4.1: changes a rate's terms from now on; earlier consumption keeps the rate it had.</summary>
public sealed class RatesHandler(StreamCommands commands, RateSeedingHandler seeding, TimeProvider clock)
{
    public async Task<Rate> ChangeAsync(long id, RateTerms terms, Actor actor, CancellationToken ct = default)
    {
        if (EnergyTypeRates.EnergyTypeOf(id) is null)
        {
            throw ContractError.NotFound("rate", id);
        }

        await seeding.EnsureAsync(ct);
        var command = new ChangeRate(id, terms, clock.GetUtcNow());
        return await commands.HandleAsync(Rate.StreamId(id), Rate.None, Rate.Evolve,
            state => DomainRules.AsBadParameter(() => RateDecider.Decide(command, state)), actor, ct: ct);
    }
}
