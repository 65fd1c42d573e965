using Energy.Application.Common;
using Energy.Domain;

namespace Energy.Application.Meters;

/// <summary>Turns a machine or meter decider's refusal into the contract's code, naming the seed field.</summary>
internal static class CatalogErrors
{
    private static readonly Dictionary<string, string> SeedFields = new(StringComparer.Ordinal)
    {
        ["Name"] = "Meter_Name",
        ["EnergyType"] = "Meter_Type",
        ["MachineId"] = "Meter_Superior_id",
        ["Formula"] = "Meter_Formula",
    };

    public static ContractError ToContractError(DomainRuleException refusal) => refusal.Rule switch
    {
        DomainRule.NotFound => new ContractError(ErrNo.NoSuchRecord, $"无数据: {refusal.Message}"),
        DomainRule.Invalid => ContractError.BadParameter(SeedField(refusal.Field), refusal.Message),
        _ => ContractError.DataError(refusal.Message),
    };

    /// <summary>Runs a command, translating a refusal.</summary>
    public static async Task<T> Translate<T>(Func<Task<T>> command)
    {
        try
        {
            return await command();
        }
        catch (DomainRuleException refusal)
        {
            throw ToContractError(refusal);
        }
    }

    private static string SeedField(string field) =>
        field.Length == 0 ? "request" : SeedFields.GetValueOrDefault(field, field);
}
