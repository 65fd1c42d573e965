using System.Globalization;

namespace Energy.Domain.Meters;

public enum FormulaOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
}

/// <summary>A node of a parsed virtual-meter formula (<see cref="MeterFormula"/>).</summary>
public abstract record FormulaNode
{
    /// <summary>The node's value, given each referenced meter's consumption over the interval in question.</summary>
    public abstract decimal Evaluate(Func<long, decimal> consumptionOf);

    internal abstract void CollectMeters(ISet<long> into);

    /// <summary>Canonical text: fully parenthesized binary operations, so precedence is visible.</summary>
    public abstract override string ToString();
}

/// <summary><c>{12}</c>: the consumption of meter 12.</summary>
public sealed record MeterTerm(long MeterId) : FormulaNode
{
    public override decimal Evaluate(Func<long, decimal> consumptionOf) => consumptionOf(MeterId);

    internal override void CollectMeters(ISet<long> into) => into.Add(MeterId);

    public override string ToString() => "{" + MeterId.ToString(CultureInfo.InvariantCulture) + "}";
}

/// <summary>A decimal constant such as <c>0.5</c>.</summary>
public sealed record ConstantTerm(decimal Value) : FormulaNode
{
    public override decimal Evaluate(Func<long, decimal> consumptionOf) => Value;

    internal override void CollectMeters(ISet<long> into) { }

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary><c>-x</c> (a leading <c>+</c> is dropped by the parser).</summary>
public sealed record NegatedTerm(FormulaNode Operand) : FormulaNode
{
    public override decimal Evaluate(Func<long, decimal> consumptionOf) => -Operand.Evaluate(consumptionOf);

    internal override void CollectMeters(ISet<long> into) => Operand.CollectMeters(into);

    public override string ToString() => "-" + Operand;
}

/// <summary><c>a + b</c>, <c>a - b</c>, <c>a * b</c>, <c>a / b</c>.</summary>
public sealed record BinaryTerm(FormulaOperator Operator, FormulaNode Left, FormulaNode Right) : FormulaNode
{
    /// <remarks>
    /// Division by zero gives 0: a formula like <c>{3}/{4}</c> over an interval where meter 4 consumed
    /// nothing has no meaningful value, and one empty interval must not fail a whole report.
    /// </remarks>
    public override decimal Evaluate(Func<long, decimal> consumptionOf)
    {
        var left = Left.Evaluate(consumptionOf);
        var right = Right.Evaluate(consumptionOf);
        return Operator switch
        {
            FormulaOperator.Add => left + right,
            FormulaOperator.Subtract => left - right,
            FormulaOperator.Multiply => left * right,
            FormulaOperator.Divide => right == 0m ? 0m : left / right,
            _ => throw new InvalidOperationException($"Unknown operator {Operator}."),
        };
    }

    internal override void CollectMeters(ISet<long> into)
    {
        Left.CollectMeters(into);
        Right.CollectMeters(into);
    }

    public override string ToString() => Operator switch
    {
        FormulaOperator.Add => $"({Left} + {Right})",
        FormulaOperator.Subtract => $"({Left} - {Right})",
        FormulaOperator.Multiply => $"({Left} * {Right})",
        _ => $"({Left} / {Right})",
    };
}
