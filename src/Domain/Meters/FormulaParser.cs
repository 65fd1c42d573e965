using System.Globalization;

namespace Energy.Domain.Meters;

/// <summary>
/// Recursive descent over the grammar
/// <code>
/// formula := sum END
/// sum     := product (('+' | '-') product)*
/// product := unary (('*' | '/') unary)*
/// unary   := ('+' | '-') unary | primary
/// primary := '{' digits '}' | number | '(' sum ')'
/// number  := digits ('.' digits)?
/// </code>
/// Whitespace may stand between tokens. Length and nesting are bounded so a hostile formula cannot
/// exhaust the stack.
/// </summary>
internal sealed class FormulaParser(string text)
{
    public const int MaxLength = 2000;
    public const int MaxDepth = 50;

    private int position;
    private int depth;

    /// <summary>Where each meter id is first named (1-based), for messages about one reference.</summary>
    public Dictionary<long, int> MeterPositions { get; } = [];

    public FormulaNode ParseWhole()
    {
        if (text.Length == 0)
        {
            throw new FormulaSyntaxException("the formula is empty", 1);
        }

        if (text.Length > MaxLength)
        {
            throw new FormulaSyntaxException($"the formula is longer than {MaxLength} characters", MaxLength + 1);
        }

        var node = ParseSum();
        SkipSpace();
        return position == text.Length ? node : throw Error($"unexpected '{text[position]}', expected an operator or the end");
    }

    private FormulaNode ParseSum()
    {
        var node = ParseProduct();
        while (AcceptOneOf('+', '-') is { } op)
        {
            var right = ParseProduct();
            node = new BinaryTerm(op == '+' ? FormulaOperator.Add : FormulaOperator.Subtract, node, right);
        }

        return node;
    }

    private FormulaNode ParseProduct()
    {
        var node = ParseUnary();
        while (AcceptOneOf('*', '/') is { } op)
        {
            var right = ParseUnary();
            node = new BinaryTerm(op == '*' ? FormulaOperator.Multiply : FormulaOperator.Divide, node, right);
        }

        return node;
    }

    private FormulaNode ParseUnary()
    {
        using var _ = Deeper();
        if (Accept('-') is not null)
        {
            return new NegatedTerm(ParseUnary());
        }

        return Accept('+') is not null ? ParseUnary() : ParsePrimary();
    }

    private FormulaNode ParsePrimary()
    {
        SkipSpace();
        if (position == text.Length)
        {
            throw Error("unexpected end, expected a meter id like {12}, a number or '('");
        }

        var c = text[position];
        if (c == '(')
        {
            var open = position++;
            using var _ = Deeper();
            var inner = ParseSum();
            return Accept(')') is not null ? inner : throw Error($"the '(' at position {open + 1} is not closed");
        }

        if (c == '{')
        {
            return ParseMeter();
        }

        return char.IsAsciiDigit(c)
            ? ParseNumber()
            : throw Error($"unexpected '{c}', expected a meter id like {{12}}, a number or '('");
    }

    private MeterTerm ParseMeter()
    {
        var start = ++position;
        var digits = Digits();
        if (digits.Length == 0 || position == text.Length || text[position] != '}')
        {
            position = start + digits.Length;
            throw Error("a meter reference is a positive id in braces, like {12}");
        }

        position++;
        if (long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            MeterPositions.TryAdd(id, start);
            return new MeterTerm(id);
        }

        throw new FormulaSyntaxException($"'{{{digits}}}' is not a meter id", start + 1);
    }

    private ConstantTerm ParseNumber()
    {
        var start = position;
        var number = Digits();
        if (position < text.Length && text[position] == '.')
        {
            position++;
            var fraction = Digits();
            if (fraction.Length == 0)
            {
                throw Error("a number needs digits after its decimal point");
            }

            number += "." + fraction;
        }

        return decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? new ConstantTerm(value)
            : throw new FormulaSyntaxException($"the number {number} is too large", start + 1);
    }

    private string Digits()
    {
        var start = position;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            position++;
        }

        return text[start..position];
    }

    /// <summary>Consumes <paramref name="c"/> after optional whitespace; returns its index, or null (consuming nothing).</summary>
    private int? Accept(char c)
    {
        SkipSpace();
        if (position < text.Length && text[position] == c)
        {
            return position++;
        }

        return null;
    }

    private char? AcceptOneOf(char first, char second) =>
        Accept(first) is not null ? first : Accept(second) is not null ? second : null;

    private void SkipSpace()
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }

    private DepthScope Deeper() =>
        ++depth > MaxDepth ? throw Error($"the formula nests deeper than {MaxDepth} levels") : new DepthScope(this);

    private FormulaSyntaxException Error(string problem) => new(problem, position + 1);

    private readonly struct DepthScope(FormulaParser parser) : IDisposable
    {
        public void Dispose() => parser.depth--;
    }
}
