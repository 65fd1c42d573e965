using Microsoft.Extensions.Logging.Console;

namespace Energy.Http.Hosting;

/// <summary>
/// Console logs as text, or as one JSON object per line for log collectors when <c>Energy:Logging:Json=true</c>
/// (or the built-in <c>Logging:Console:FormatterName=json</c>). Secrets stay out either way: nothing logs
/// configuration values, and event data is only ever shown through <c>AuditRedaction</c>.
/// </summary>
public static class EnergyLogging
{
    public const string JsonKey = "Energy:Logging:Json";

    public static bool WantsJson(IConfiguration configuration) =>
        configuration.GetValue<bool>(JsonKey)
        || string.Equals(configuration["Logging:Console:FormatterName"], ConsoleFormatterNames.Json, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The host's console logging; <paramref name="toStandardError"/> for the CLI, whose standard output
    /// carries the answer and must stay clean for pipes.
    /// </summary>
    public static IHostApplicationBuilder AddEnergyLogging(this IHostApplicationBuilder builder, bool toStandardError = false)
    {
        if (WantsJson(builder.Configuration))
        {
            AddConsole(builder.Logging, builder.Configuration);
        }
        else
        {
            // The host's defaults stand; this only adds the console when cleared. The text format is ours, so CR/LF/NUL
            // in user input cannot break a line (issue 17), unless Logging:Console:FormatterName names another.
            builder.Logging.AddConsole().AddConsoleFormatter<EnergyConsoleFormatter, ConsoleFormatterOptions>();
            if (string.IsNullOrEmpty(builder.Configuration["Logging:Console:FormatterName"]))
            {
                builder.Services.Configure<ConsoleLoggerOptions>(o => o.FormatterName = EnergyConsoleFormatter.FormatterName);
            }
        }

        if (toStandardError)
        {
            builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }

        return builder;
    }

    /// <summary>Also used for the loggers that exist before the host is built (the embedded cluster's).</summary>
    public static ILoggingBuilder AddConsole(ILoggingBuilder logging, IConfiguration configuration) =>
        WantsJson(configuration)
            ? logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.IncludeScopes = true;
            })
            : logging.AddConsole(o => o.FormatterName = EnergyConsoleFormatter.FormatterName)
                .AddConsoleFormatter<EnergyConsoleFormatter, ConsoleFormatterOptions>();
}
