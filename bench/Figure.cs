namespace Energy.Bench;

/// <summary>One row of the table: the measurement, its baseline, the ratio and whether the target is met.</summary>
public sealed record Figure(string Name, string Compared, string Measured, string Baseline, string Ratio, string Target, bool? Met)
{
    public static Figure NotMeasured(string name, string compared, string target, string why) =>
        new(name, compared, "not measured", why, "–", target, null);
}
