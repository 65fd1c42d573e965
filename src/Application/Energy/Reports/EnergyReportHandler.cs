using Energy.Application.Common;
using Energy.Application.Meters;
using Energy.Application.Platform;
using Energy.Application.Settings;
using Energy.Domain.Calendar;
using Microsoft.Extensions.Configuration;

namespace Energy.Application.Energy.Reports;

/// <summary>
/// Seed 3.4: writes the report of a query to the report folder (<c>Energy:Reports:Directory</c>, default
/// <c>.energy/reports</c>) and finds it again for (ext) download. Each report gets a name of its own
/// (<see cref="ReportNames"/>): a later report of the same span is the next copy, never a replacement, so a
/// <c>File_Name</c> once answered always downloads the figures it was answered with. The file is written beside
/// and moved into place without overwriting, so a reader never sees half a file and two writers never share a name.
/// </summary>
public sealed partial class EnergyReportHandler(
    EnergyQueries queries, MeterQueries meters, SettingsQueries settings, PlatformQueries platform,
    PlantTime plantTime, TimeProvider clock, IConfiguration configuration)
{
    public const string FileNameField = "File_Name";

    public string Directory { get; } = Path.GetFullPath(configuration["Energy:Reports:Directory"] is { Length: > 0 } dir ? dir : Path.Combine(".energy", "reports"));

    /// <summary>Computes the query at one sequence number, writes the workbook, and returns its name and that sequence.</summary>
    public async Task<(string FileName, long Sequence)> CreateAsync(EnergyQuery query, CancellationToken ct = default)
    {
        var answer = await queries.RunAsync(query, EnergyDetail.Intervals | EnergyDetail.PinnedSequence, ct);
        var first = PeriodLabel.Naming(query.TimeType, plantTime.ToWallClock(query.TimeStart));
        var last = PeriodLabel.Naming(query.TimeType, plantTime.ToWallClock(query.TimeEnd).AddSeconds(-1));
        var content = await ContentAsync(query, answer, first, last, ct);

        System.IO.Directory.CreateDirectory(Directory);
        var temporary = Path.Combine(Directory, $".{Guid.NewGuid():N}.tmp");
        await using (var file = File.Create(temporary))
        {
            ReportWorkbook.Write(file, content);
        }

        return (Place(temporary, first, last), answer.Sequence);
    }

    /// <summary>Moves the written file to the first free name of its span (copy 1, 2, …).</summary>
    private string Place(string temporary, PeriodLabel first, PeriodLabel last)
    {
        for (var copy = 1; copy <= ReportNames.MaxCopies; copy++)
        {
            var name = ReportNames.Of(first, last, copy);
            var target = Path.Combine(Directory, name);
            if (File.Exists(target))
            {
                continue;
            }

            try
            {
                File.Move(temporary, target, overwrite: false);
                return name;
            }
            catch (IOException) when (File.Exists(target))
            {
                // Another report of the same span took this name between the check and the move: try the next.
            }
        }

        File.Delete(temporary);
        throw ContractError.DataError($"{ReportNames.MaxCopies} reports of this period exist already in the report folder; delete old ones");
    }

    /// <summary>The full path of a report by its seed name; 4103 for any other name, 4002 when it was never written.</summary>
    public string PathOf(string? fileName)
    {
        if (!ReportNames.IsValid(fileName))
        {
            throw ContractError.BadParameter(FileNameField, "must be a report name like \"Day_report2019_6_12.xlsx\", \"Day_report2019_6_12-2.xlsx\", \"Day_report2019_6_12_to_2019_6_15.xlsx\", \"Month_report2019_6.xlsx\" or \"Year_report2019.xlsx\"");
        }

        var path = Path.GetFullPath(Path.Combine(Directory, fileName!));
        if (!path.StartsWith(Directory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw ContractError.BadParameter(FileNameField, "must name a file in the report folder");
        }

        return File.Exists(path) ? path : throw ContractError.NotFoundByName("report", fileName!);
    }
}
