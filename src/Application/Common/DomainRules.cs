using Energy.Domain;

namespace Energy.Application.Common;

/// <summary>
/// Runs a decision and reports a broken rule as 4103 naming the field (CONTRACT §6: "else 4103"): the one
/// translation for settings and for the reporting calendar's refusals of a query's Time_Start/Time_End/Time_Interval.
/// </summary>
public static class DomainRules
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
