using System.Globalization;
using Energy.Application.Common;
using Energy.Application.Energy;
using Energy.Application.Energy.Reports;
using Energy.Http.Contract;
using static Energy.Application.Energy.EnergyQueryInput;

namespace Energy.Http.Consumption;

/// <summary>Seed 3.1 allenergy, 3.2 detailenergy, 3.4 report (+ ext download), 3.5 form_detailenergy (CONTRACT §6).</summary>
public static class EnergyEndpoints
{
    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapEnergyQueryEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api_3").RequireAuthorization();

        group.MapGet("/allenergy", async (HttpContext context, EnergyQueries queries, PlantTime plantTime, CancellationToken ct) =>
        {
            var answer = await queries.RunAsync(Parse(FromQuery(context), plantTime), EnergyDetail.Totals, ct);
            return Envelope.Data(answer.Rows.Select(r => new TotalRow(
                r.Group.Department, r.Group.Machine, r.Group.Meter, Type(r), EnergyFormat.EnergyName(r.Group.EnergyType),
                EnergyFormat.Amount(r.Total.Amount), EnergyFormat.Amount(r.Total.Cost))));
        });

        group.MapGet("/detailenergy", async (HttpContext context, EnergyQueries queries, PlantTime plantTime, CancellationToken ct) =>
        {
            var answer = await queries.RunAsync(Parse(FromQuery(context), plantTime), EnergyDetail.Intervals, ct);
            return Envelope.Data(answer.Rows.SelectMany(r => r.Intervals.Select((f, i) => new DetailRow(
                plantTime.Format(answer.IntervalStarts[i]), r.Group.Department, r.Group.Machine, r.Group.Meter, Type(r),
                EnergyFormat.EnergyName(r.Group.EnergyType), EnergyFormat.Amount(f.Amount), EnergyFormat.Amount(f.Cost)))));
        });

        group.MapPost("/form_detailenergy", async (EnergyQueryRequest body, EnergyQueries queries, PlantTime plantTime, CancellationToken ct) =>
        {
            var answer = await queries.RunAsync(Parse(body.ToText(), plantTime), EnergyDetail.Intervals | EnergyDetail.Shifts, ct);
            return Envelope.Data(answer.Rows.Select(r => new FormRow(
                r.Group.Department, r.Group.Machine, r.Group.Meter, Type(r), EnergyFormat.EnergyName(r.Group.EnergyType),
                EnergyFormat.Amount(r.Total.Amount), EnergyFormat.Amount(r.Total.Cost),
                r.Shifts.Select(s => new ShiftAmount(s.Shift, EnergyFormat.Amount(s.Amount))).ToList(),
                r.Intervals.Select((f, i) => new DetailAmount(plantTime.Format(answer.IntervalStarts[i]), EnergyFormat.Amount(f.Amount), EnergyFormat.Amount(f.Cost))).ToList())));
        });

        group.MapPost("/report", async (EnergyQueryRequest body, EnergyReportHandler reports, PlantTime plantTime, CancellationToken ct) =>
        {
            var (name, sequence) = await reports.CreateAsync(Parse(body.ToText(), plantTime), ct);
            return Envelope.Single(new ReportFile(name, sequence));
        });

        group.MapGet("/report", (HttpContext context, EnergyReportHandler reports) =>
        {
            var name = Query.RequiredString(context, EnergyReportHandler.FileNameField);
            return Results.File(reports.PathOf(name), XlsxContentType, name);
        });

        return app;
    }

    private static EnergyQueryText FromQuery(HttpContext context) => new(
        Query.OptionalString(context, TimeTypeField), Query.OptionalString(context, TimeStartField), Query.OptionalString(context, TimeEndField),
        Query.OptionalString(context, TimeIntervalField), Query.OptionalString(context, AmountTypeField),
        Query.OptionalString(context, AmountCombinationField), Query.OptionalString(context, AmountSortNameField),
        Query.OptionalString(context, AmountValueField), Query.OptionalString(context, AsOfSequenceField));

    private static string Type(EnergyRow row) => row.Group.EnergyType.ToString(CultureInfo.InvariantCulture);
}
