using Energy.Http.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Energy.Http.Tests.Hostile;

/// <summary>Issue 17: CR, LF and NUL that a client sends never reach the console log as line breaks.</summary>
public sealed class LogEscapeTests(HostileFixture fixture) : IClassFixture<HostileFixture>
{
    private static string Written(string message, Exception? exception = null)
    {
        using var writer = new StringWriter();
        var entry = new LogEntry<string>(LogLevel.Information, "Energy.Http.Contract.ContractErrorMiddleware", new EventId(7), message, exception, (s, _) => s);
        new EnergyConsoleFormatter().Write(entry, null, writer);
        return writer.ToString();
    }

    [Fact]
    public void A_forged_entry_in_a_logged_value_stays_on_the_line_of_the_real_one()
    {
        var line = Written("GET /api_3/meters refused with 4103: Meter_Code got \"x\r\ninfo: Energy.Http.Auth[0] admin logged in\0\u2028\"");

        line.ShouldBe("info: Energy.Http.Contract.ContractErrorMiddleware[7] GET /api_3/meters refused with 4103: Meter_Code got \"x\\r\\ninfo: Energy.Http.Auth[0] admin logged in\\0\\u2028\"\n");
        line.Count(c => c == '\n').ShouldBe(1);
    }

    [Fact]
    public void An_exception_is_written_on_the_same_line_with_its_line_breaks_escaped()
    {
        var line = Written("failed", new InvalidOperationException("bad\nvalue"));

        line.Count(c => c == '\n').ShouldBe(1);
        line.ShouldContain("bad\\nvalue");
    }

    [Fact]
    public void The_service_writes_its_text_console_log_with_this_formatter()
    {
        var options = fixture.Host.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;

        options.FormatterName.ShouldBe(EnergyConsoleFormatter.FormatterName);
        fixture.Host.Services.GetServices<ConsoleFormatter>().ShouldContain(f => f is EnergyConsoleFormatter);
    }
}
