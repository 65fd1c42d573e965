using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using Custom = DocumentFormat.OpenXml.CustomProperties;
using Vt = DocumentFormat.OpenXml.VariantTypes;

namespace Energy.Application.Energy.Reports;

public static partial class ReportWorkbook
{
    /// <summary>
    /// Title and creation time (File › Properties), and the custom property <c>As_Of_Sequence</c>: the event
    /// sequence the figures are as of, so an auditor can ask for exactly these figures again.
    /// </summary>
    private static void AddProperties(SpreadsheetDocument document, ReportContent content)
    {
        document.PackageProperties.Title = content.Heading.Title;
        document.PackageProperties.Subject = content.Heading.Window;
        document.PackageProperties.Creator = "Energy.EventSourced";
        document.PackageProperties.Created = content.GeneratedAt.UtcDateTime;

        var properties = document.AddCustomFilePropertiesPart();
        properties.Properties = new Custom.Properties(new Custom.CustomDocumentProperty(
            new Vt.VTLPWSTR(content.Sequence.ToString(CultureInfo.InvariantCulture)))
        {
            FormatId = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}", PropertyId = 2, Name = SequenceProperty,
        });
    }
}
