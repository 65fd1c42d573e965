using System.Globalization;

namespace Energy.Domain.Rates;

public static class RateDecider
{
    /// <summary>Seeding: idempotent, so every start-up may try it.</summary>
    public static IReadOnlyList<object> Decide(EstablishRate command, Rate state) =>
        state.Exists ? [] : [new RateEstablished(command.Id, command.EnergyType, command.Terms.Validate())];

    /// <summary>A change of terms; the same terms again change nothing.</summary>
    /// <exception cref="DomainRuleException">Invalid terms, or a <c>Rate_Type</c> other than the rate's energy type.</exception>
    public static IReadOnlyList<object> Decide(ChangeRate command, Rate state)
    {
        if (!state.Exists)
        {
            throw new InvalidOperationException($"Rate {command.Id} does not exist; the application checks ids first.");
        }

        var terms = command.Terms.Validate();
        var type = state.EnergyType.ToString(CultureInfo.InvariantCulture);
        if (terms.RateType.Trim() != type)
        {
            // One rate per energy type (CONTRACT §6): letting rate 1 become a water rate would leave two.
            throw new DomainRuleException("Rate_Type", $"must be \"{type}\" ({EnergyTypeRates.EnergyName(state.EnergyType)}), the energy type of rate {state.Id}; got \"{terms.RateType}\"");
        }

        terms = terms with { RateType = type };
        return terms == state.Terms ? [] : [new RateChanged(command.Id, terms, command.At)];
    }
}
