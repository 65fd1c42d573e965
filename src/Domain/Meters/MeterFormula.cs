namespace Energy.Domain.Meters;

/// <summary>
/// A virtual meter's formula (CONTRACT §4): meter ids in braces, decimal constants, <c>+ - * /</c> and
/// parentheses, e.g. <c>{12}+{13}-0.5*{7}</c>. Parsed by a hand-written recursive-descent parser, never
/// evaluated as code. A virtual meter's consumption over an interval is <see cref="Evaluate"/> applied to
/// the referenced meters' consumption over the same interval.
/// </summary>
public sealed class MeterFormula
{
    private readonly Dictionary<long, int> positions;

    private MeterFormula(string text, FormulaNode root, Dictionary<long, int> positions)
    {
        this.positions = positions;
        Text = text;
        Root = root;
        var meters = new SortedSet<long>();
        root.CollectMeters(meters);
        ReferencedMeters = meters;
    }

    /// <summary>The formula as written (trimmed).</summary>
    public string Text { get; }

    public FormulaNode Root { get; }

    /// <summary>Every meter id the formula names, ascending, each once.</summary>
    public IReadOnlySet<long> ReferencedMeters { get; }

    /// <summary>Parses <paramref name="text"/>; a syntax error throws <see cref="FormulaSyntaxException"/> with its position.</summary>
    public static MeterFormula Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var parser = new FormulaParser(trimmed);
        return new MeterFormula(trimmed, parser.ParseWhole(), parser.MeterPositions);
    }

    /// <summary>The formula's value given each referenced meter's consumption (division by zero gives 0).</summary>
    public decimal Evaluate(Func<long, decimal> consumptionOf)
    {
        ArgumentNullException.ThrowIfNull(consumptionOf);
        return Root.Evaluate(consumptionOf);
    }

    /// <summary>The 1-based position of the first <c>{id}</c> naming <paramref name="meterId"/>, or null.</summary>
    public int? PositionOf(long meterId) => positions.TryGetValue(meterId, out var at) ? at : null;

    public override string ToString() => Text;
}
