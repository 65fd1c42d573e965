namespace Energy.Domain.Calendar;

/// <summary>The seed's <c>Time_Type</c> (3.1): which reporting period a query is counted in.</summary>
public enum TimeType
{
    Year = 1,
    Month = 2,
    Day = 3,
}
