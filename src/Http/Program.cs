using Energy.Application.Platform;
using Energy.Application.Vendor;
using Energy.Http.Auth;
using Energy.Http.Cli;
using Energy.Http.Contract;
using Energy.Http.Hosting;
using JasperFx;

// `projections …`, `events …`, `streams …`: an operator's command against the same database, then exit.
if (EnergyCli.Handles(args))
{
    return await EnergyCli.RunAsync(args, Console.Out);
}

var builder = WebApplication.CreateBuilder(args);
var generatingCode = args is ["codegen", ..];
if (generatingCode)
{
    // Generating Wolverine's handler code reads no data: no embedded cluster is started for it.
    builder.Configuration["ConnectionStrings:Energy"] ??= "Host=127.0.0.1;Database=codegen";
}

builder.ListenOnLoopbackUnlessConfigured();
builder.AddEnergyLogging();
builder.AddEnergyDatabase();
builder.Services.AddContract(builder.Configuration);
builder.Services.AddEnergyEventSourcing(builder.Configuration);
builder.Services.AddEnergyAuth();
builder.Services.AddVendor(builder.Configuration);
builder.Services.AddPlatform(builder.Configuration);

var app = builder.Build();

// `codegen write|test|preview`: Wolverine's generated handler code (Internal/Generated), see Hosting/Messaging.
if (generatingCode)
{
    return await app.RunJasperFxCommands(args);
}

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
