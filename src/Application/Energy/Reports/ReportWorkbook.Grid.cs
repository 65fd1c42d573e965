using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Energy.Application.Energy.Reports;

public static partial class ReportWorkbook
{
    /// <summary>
    /// The cells of one sheet as they are put (any order), with merged ranges and the widest text of each column,
    /// so widths fit what the sheet shows (a CJK character is two columns wide).
    /// </summary>
    private sealed class Grid
    {
        private readonly SortedDictionary<int, SortedDictionary<int, Cell>> rows = [];
        private readonly Dictionary<int, double> widths = [];

        public List<string> Merges { get; } = [];

        public int LastRow => rows.Count == 0 ? 0 : rows.Keys.Max();

        /// <summary>A text cell; <paramref name="measure"/> false for titles that span merged columns.</summary>
        public void Text(int row, int column, string value, Style style, bool measure = true)
        {
            Put(row, column, new Cell(new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString }, style);
            if (measure)
            {
                Measure(column, DisplayWidth(value) + 1.5);
            }
        }

        public void Number(int row, int column, decimal value, Style style)
        {
            Put(row, column, new Cell(new CellValue(EnergyFormat.Plain(value))) { DataType = CellValues.Number }, style);
            Measure(column, EnergyFormat.Round(value).ToString("#,##0.00", CultureInfo.InvariantCulture).Length + 1);
        }

        /// <summary>Styled empty cells, so borders and fills cover a merged range or a blank in a bordered table.</summary>
        public void Blank(int row, int fromColumn, int toColumn, Style style)
        {
            for (var column = fromColumn; column <= toColumn; column++)
            {
                Put(row, column, new Cell(), style);
            }
        }

        public void Merge(int fromRow, int fromColumn, int toRow, int toColumn) =>
            Merges.Add($"{Reference(fromRow, fromColumn)}:{Reference(toRow, toColumn)}");

        public SheetData ToSheetData()
        {
            var data = new SheetData();
            foreach (var (number, cells) in rows)
            {
                data.Append(new Row(cells.Values) { RowIndex = (uint)number });
            }

            return data;
        }

        /// <summary>Column widths in characters: the widest measured text with its padding, at least <paramref name="minimum"/>.</summary>
        public Columns Columns(int count, double minimum)
        {
            var columns = new Columns();
            for (var column = 1; column <= count; column++)
            {
                var width = Math.Clamp(widths.GetValueOrDefault(column), minimum, 40);
                columns.Append(new Column { Min = (uint)column, Max = (uint)column, Width = width, CustomWidth = true });
            }

            return columns;
        }

        /// <summary>The printed width of the first <paramref name="count"/> columns in points (7 px a character + 5 px padding, at 96 dpi).</summary>
        public double WidthPoints(int count, double minimum) =>
            Enumerable.Range(1, count).Sum(c => ((Math.Clamp(widths.GetValueOrDefault(c), minimum, 40) * 7) + 5) * 0.75);

        private void Put(int row, int column, Cell cell, Style style)
        {
            cell.CellReference = Reference(row, column);
            cell.StyleIndex = (uint)style;
            if (!rows.TryGetValue(row, out var cells))
            {
                rows[row] = cells = [];
            }

            cells[column] = cell;
        }

        private void Measure(int column, double width) => widths[column] = Math.Max(widths.GetValueOrDefault(column), width);

        private static double DisplayWidth(string text) => text.Sum(c => c >= '\u2E80' ? 2.0 : 1.0);
    }

    private static string Reference(int row, int column) => Column(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>A, B, …, Z, AA, … for a 1-based column.</summary>
    public static string Column(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26)
        {
            name = (char)('A' + ((number - 1) % 26)) + name;
        }

        return name;
    }
}
