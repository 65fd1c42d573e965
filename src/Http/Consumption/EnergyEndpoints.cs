using System.Globalization;
using Energy.Application.Common;
using Energy.Application.Energy;
using Energy.Application.Energy.Reports;
using Energy.Http.Contract;
using Energy.Http.Contract.OpenApi;
using static Energy.Application.Energy.EnergyQueryInput;

namespace Energy.Http.Consumption;

/// <summary>Seed 3.1 allenergy, 3.2 detailenergy, 3.4 report (+ ext download), 3.5 form_detailenergy (CONTRACT §6).</summary>
public static class EnergyEndpoints
{
    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly ApiFeature Feature = new("Energy", "Seed 3.1, 3.2, 3.4, 3.5: energy totals and details by period and group, and Excel reports.");

    public static IEndpointRouteBuilder MapEnergyQueryEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api_3").RequireAuthorization().InFeature(Feature);

        group.MapGet("/allenergy", async (HttpContext context, EnergyQueries queries, PlantTime plantTime, CancellationToken ct) =>
        {
            var answer = await queries.RunAsync(Parse(FromQuery(context), plantTime), EnergyDetail.Totals, ct);
            return Envelope.Data(answer.Rows.Select(r => new TotalRow(
                r.Group.Department, r.Group.Machine, r.Group.Meter, Type(r), EnergyFormat.EnergyName(r.Group.EnergyType),
                EnergyFormat.Amount(r.Total.Amount), EnergyFormat.Amount(r.Total.Cost))));
        }).WithSummary("3.1 查询能源总耗能").SeedEnergyQuery().AnswersData<TotalRow>();

        group.MapGet("/detailenergy", async (HttpContext context, EnergyQueries queries, PlantTime plantTime, CancellationToken ct) =>
        {
            var answer = await queries.RunAsync(Parse(FromQuery(context), plantTime), EnergyDetail.Intervals, ct);
            return Envelope.Data(answer.Rows.SelectMany(r => r.Intervals.Select((f, i) => new DetailRow(
                plantTime.Format(answer.IntervalStarts[i]), r.Group.Department, r.Group.Machine, r.Group.Meter, Type(r),
                EnergyFormat.EnergyName(r.Group.EnergyType), EnergyFormat.Amount(f.Amount), EnergyFormat.Amount(f.Cost)))));
        }).WithSummary("3.2 查询详细能源耗能").SeedEnergyQuery().AnswersData<DetailRow>();

        group.MapPost("/form_detailenergy", async (EnergyQueryRequest body, EnergyQueries queries, PlantTime plantTime, CancellationToken ct) =>
        {
            var answer = await queries.RunAsync(Parse(body.ToText(), plantTime), EnergyDetail.Intervals | EnergyDetail.Shifts, ct);
            return Envelope.Data(answer.Rows.Select(r => new FormRow(
                r.Group.Department, r.Group.Machine, r.Group.Meter, Type(r), EnergyFormat.EnergyName(r.Group.EnergyType),
                EnergyFormat.Amount(r.Total.Amount), EnergyFormat.Amount(r.Total.Cost),
                r.Shifts.Select(s => new ShiftAmount(s.Shift, EnergyFormat.Amount(s.Amount))).ToList(),
                r.Intervals.Select((f, i) => new DetailAmount(plantTime.Format(answer.IntervalStarts[i]), EnergyFormat.Amount(f.Amount), EnergyFormat.Amount(f.Cost))).ToList())));
        }).WithSummary("3.5 查询详细能源耗能--报表").AnswersData<FormRow>();

        group.MapPost("/report", async (EnergyQueryRequest body, EnergyReportHandler reports, PlantTime plantTime, CancellationToken ct) =>
        {
            var (name, sequence) = await reports.CreateAsync(Parse(body.ToText(), plantTime), ct);
            return Envelope.Single(new ReportFile(name, sequence));
        }).WithSummary("3.4 生成能源报表").AnswersData<ReportFile>("ok: Data[0] names the workbook written (File_Name) and (ext) the As_Of_Sequence of its figures");

        group.MapGet("/report", (HttpContext context, EnergyReportHandler reports) =>
        {
            var name = Query.RequiredString(context, EnergyReportHandler.FileNameField);
            return Results.File(reports.PathOf(name), XlsxContentType, name);
        }).WithSummary("(ext) Download a 3.4 report")
            .SeedQuery(EnergyReportHandler.FileNameField, SeedType.String, required: true, description: "the File_Name 3.4 answered")
            .AnswersFile("the workbook", XlsxContentType);

        return app;
    }

    extension<TBuilder>(TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        /// <summary>What <see cref="FromQuery"/> reads (3.1, 3.2; <see cref="EnergyQueryInput"/> checks them).</summary>
        private TBuilder SeedEnergyQuery() => builder
            .SeedQuery(TimeTypeField, SeedType.Int, required: true, description: "时间类型: 1 year, 2 month, 3 day")
            .SeedQuery(TimeStartField, SeedType.Time, required: true, description: "查询开始时间")
            .SeedQuery(TimeEndField, SeedType.Time, required: true, description: "查询结束时间, after Time_Start")
            .SeedQuery(TimeIntervalField, SeedType.Int,
                description: "查询时间间隔 of 3.2's points: months for a year query (default 1), days for a month (1), minutes for a day (60)")
            .SeedQuery(AmountTypeField, SeedType.Int, required: true, description: "总量类型: 1 by energy type, 2 by meter, 3 by machine, 4 by department")
            .SeedQuery(AmountCombinationField, SeedType.Int, description: "with Amount_Type 3 or 4: 1 × energy type (default), 2 × meter")
            .SeedQuery(AmountSortNameField, SeedType.List, description: "with Amount_Type 2, 3 or 4: the meters, machines or departments; default all")
            .SeedQuery(AmountValueField, SeedType.IntList, description: "the energy type codes 0–8 (CONTRACT §2); default all")
            .SeedQuery(AsOfSequenceField, SeedType.Int, description: "(ext) the figures as of this event sequence number (a report's As_Of_Sequence)");
    }

    private static EnergyQueryText FromQuery(HttpContext context) => new(
        Query.OptionalString(context, TimeTypeField), Query.OptionalString(context, TimeStartField), Query.OptionalString(context, TimeEndField),
        Query.OptionalString(context, TimeIntervalField), Query.OptionalString(context, AmountTypeField),
        Query.OptionalString(context, AmountCombinationField), Query.OptionalString(context, AmountSortNameField),
        Query.OptionalString(context, AmountValueField), Query.OptionalString(context, AsOfSequenceField));

    private static string Type(EnergyRow row) => row.Group.EnergyType.ToString(CultureInfo.InvariantCulture);
}
