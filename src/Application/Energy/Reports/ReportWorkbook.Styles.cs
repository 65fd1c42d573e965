using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Energy.Application.Energy.Reports;

public static partial class ReportWorkbook
{
    /// <summary>Cell format indices of <see cref="AddStyles"/>.</summary>
    private enum Style : uint
    {
        Default = 0,
        Title = 1,
        Info = 2,
        Header = 3,
        Text = 4,
        Number = 5,
        TotalText = 6,
        TotalNumber = 7,
        MutedText = 8,
        MutedNumber = 9,
        Note = 10,
    }

    /// <summary>
    /// Two decimals with thousands separators (amounts keep up to four digits in the cell, the page shows two); a zero
    /// prints as "-", so the hours, days or months with consumption stand out of a mostly idle row.
    /// </summary>
    private const uint AmountFormat = 164;

    private const string FontName = "Microsoft YaHei";

    private static void AddStyles(WorkbookPart workbook)
    {
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = AmountFormat, FormatCode = "#,##0.00;-#,##0.00;\"-\"" }) { Count = 1 },
            new Fonts(
                Font(10, bold: false, "000000"), Font(16, bold: true, "1F3864"), Font(10, bold: true, "000000"),
                Font(10, bold: false, "7F7F7F"), Font(9, bold: false, "595959"))
            { Count = 5 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                Solid("D9E1F2"), Solid("FFF2CC"))
            { Count = 4 },
            new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(Thin<LeftBorder>(), Thin<RightBorder>(), Thin<TopBorder>(), Thin<BottomBorder>(), new DiagonalBorder()))
            { Count = 2 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                Format(0, 0, 0, 0),
                Format(1, 0, 0, 0, HorizontalAlignmentValues.Left),
                Format(0, 0, 0, 0, HorizontalAlignmentValues.Left),
                Format(2, 2, 1, 0, HorizontalAlignmentValues.Center, wrap: true),
                Format(0, 0, 1, 0, HorizontalAlignmentValues.Left),
                Format(0, 0, 1, AmountFormat),
                Format(2, 3, 1, 0, HorizontalAlignmentValues.Left),
                Format(2, 3, 1, AmountFormat),
                Format(3, 0, 1, 0, HorizontalAlignmentValues.Left),
                Format(3, 0, 1, AmountFormat),
                Format(4, 0, 0, 0, HorizontalAlignmentValues.Left))
            { Count = 11 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    private static Font Font(double size, bool bold, string rgb)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        font.Append(new FontSize { Val = size }, new Color { Rgb = "FF" + rgb }, new FontName { Val = FontName }, new FontFamilyNumbering { Val = 2 });
        return font;
    }

    private static Fill Solid(string rgb) =>
        new(new PatternFill(new ForegroundColor { Rgb = "FF" + rgb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });

    private static T Thin<T>()
        where T : BorderPropertiesType, new() =>
        new() { Style = BorderStyleValues.Thin, Color = new Color { Rgb = "FFA6A6A6" } };

    private static CellFormat Format(uint font, uint fill, uint border, uint numberFormat, HorizontalAlignmentValues? horizontal = null, bool wrap = false)
    {
        var format = new CellFormat
        {
            FontId = font, FillId = fill, BorderId = border, NumberFormatId = numberFormat, FormatId = 0,
            ApplyFont = true, ApplyFill = fill > 0, ApplyBorder = border > 0, ApplyNumberFormat = numberFormat > 0,
        };
        // Everything centred vertically: text and numbers of a row sit on one line whatever the row height.
        format.ApplyAlignment = true;
        format.Append(new Alignment
        {
            Horizontal = horizontal ?? HorizontalAlignmentValues.General, Vertical = VerticalAlignmentValues.Center, WrapText = wrap ? true : null,
        });
        return format;
    }
}
