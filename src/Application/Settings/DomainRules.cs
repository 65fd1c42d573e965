using Energy.Application.Common;
using Energy.Domain;

namespace Energy.Application.Settings;

/// <summary>Runs a decision and reports a broken settings rule as 4103 naming the field (CONTRACT §6: "else 4103").</summary>
internal static class DomainRules
{
    public static T AsBadParameter<T>(Func<T> decide)
    {
        try
        {
            return decide();
        }
        catch (DomainRuleException e)
        {
            throw e.Field.Length == 0 ? ContractError.BadRequest(e.Message) : ContractError.BadParameter(e.Field, e.Message);
        }
    }
}
