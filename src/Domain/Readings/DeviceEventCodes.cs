namespace Energy.Domain.Readings;

/// <summary>The device event codes of seed 003 附2 ("事件警告定义"), the one place that names them.</summary>
public static class DeviceEventCodes
{
    /// <summary>"0" in <c>sjzt</c> means no event.</summary>
    public const string None = "0";

    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["1001"] = "A相过压",
        ["1002"] = "B相过压",
        ["1003"] = "C相过压",
        ["1004"] = "A相过流",
        ["1005"] = "B相过流",
        ["1006"] = "C相过流",
        ["1007"] = "A相起弧",
        ["1008"] = "B相起弧",
        ["1009"] = "C相起弧",
        ["1010"] = "A相过温度",
        ["1011"] = "B相过温度",
        ["1012"] = "C相过温度",
        ["1013"] = "零线过温度",
        ["1014"] = "环境温度超",
        ["1015"] = "恶性负载",
        ["1016"] = "剩余电流",
        ["1017"] = "三相电流不平衡",
        ["1018"] = "电压不平衡",
        ["1022"] = "温度故障",
        ["1023"] = "剩余电流故障",
    };

    /// <summary>
    /// The 附2 name of <paramref name="code"/>. A code the table lacks is still an event the device
    /// reported (the vendor may add codes), so it gets a name that shows the code rather than being dropped.
    /// </summary>
    public static string NameOf(string code) => Names.TryGetValue(code, out var name) ? name : $"未知事件 {code}";

    /// <summary>
    /// The non-zero codes of a <c>sjzt</c> value: several are comma separated (ASCII or full-width),
    /// "0" and blanks mean none; a code listed twice counts once.
    /// </summary>
    public static IReadOnlyList<string> Parse(string? sjzt) =>
        string.IsNullOrWhiteSpace(sjzt)
            ? []
            : sjzt.Split([',', '，'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(code => code.Trim('0').Length > 0)
                .Distinct(StringComparer.Ordinal)
                .ToList();
}
