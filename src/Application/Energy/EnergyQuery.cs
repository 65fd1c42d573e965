using Energy.Domain.Calendar;

namespace Energy.Application.Energy;

/// <summary>Seed 3.1 <c>Amount_Type</c>: what the rows are.</summary>
public enum AmountType
{
    ByEnergyType = 1,
    ByMeter = 2,
    ByMachine = 3,
    ByDepartment = 4,
}

/// <summary>Seed 3.1 <c>Amount_Combination</c> (with Amount_Type 3 or 4): machine or department × energy type or × meter.</summary>
public enum AmountCombination
{
    ByEnergyType = 1,
    ByMeter = 2,
}

/// <summary>
/// An energy query of seed 3.1/3.2/3.4/3.5, validated (see <see cref="EnergyQueryInput"/>). Times are instants;
/// the reporting window and intervals follow from them and the calendar (CONTRACT §6).
/// </summary>
/// <param name="Interval">Seed <c>Time_Interval</c>: months (year), days (month) or minutes (day); null = default.</param>
/// <param name="Names">Seed <c>Amount_SortName</c>: meter, machine or department names by <see cref="AmountType"/>; empty = all.</param>
/// <param name="EnergyTypes">Seed <c>Amount_Value</c>; empty = all.</param>
/// <param name="AsOfSequence">(ext) <c>As_Of_Sequence</c>: the figures as the event log stood at that sequence number.</param>
public sealed record EnergyQuery(
    TimeType TimeType,
    DateTimeOffset TimeStart,
    DateTimeOffset TimeEnd,
    int? Interval,
    AmountType AmountType,
    AmountCombination Combination,
    IReadOnlyList<string> Names,
    IReadOnlyList<int> EnergyTypes,
    long? AsOfSequence);
