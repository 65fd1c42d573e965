namespace Energy.Domain.Energy;

/// <summary>A cumulative counter's value at an instant (EP in kWh for electricity).</summary>
public readonly record struct CounterReading(DateTimeOffset At, decimal Value);
