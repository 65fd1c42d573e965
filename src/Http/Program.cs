using Energy.Application.Platform;
using Energy.Application.Vendor;
using Energy.Http.Auth;
using Energy.Http.Cli;
using Energy.Http.Contract;
using Energy.Http.Hosting;

// `projections …`, `events …`, `streams …`: an operator's command against the same database, then exit.
if (EnergyCli.Handles(args))
{
    return await EnergyCli.RunAsync(args, Console.Out);
}

var builder = WebApplication.CreateBuilder(args);
builder.ListenOnLoopbackUnlessConfigured();
builder.AddEnergyLogging();
builder.AddEnergyDatabase();
builder.Services.AddContract(builder.Configuration);
builder.Services.AddEnergyEventSourcing(builder.Configuration);
builder.Services.AddEnergyAuth();
builder.Services.AddVendor(builder.Configuration);
builder.Services.AddPlatform(builder.Configuration);

var app = builder.Build();
app.UseContract();
app.UseAuthentication();
app.UseAuthorization();
app.MapHealthEndpoints();
app.MapEnergyEndpoints();
app.MapOpenApi();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so in-process HTTP tests can host it.</summary>
public partial class Program;
