using Energy.Application.Vendor;
using Energy.Http.Auth;
using Energy.Http.Contract;
using Energy.Http.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.ListenOnLoopbackUnlessConfigured();
builder.AddEnergyDatabase();
builder.Services.AddContract(builder.Configuration);
builder.Services.AddEnergyEventSourcing(builder.Configuration);
builder.Services.AddEnergyAuth();
builder.Services.AddVendor(builder.Configuration);

var app = builder.Build();
app.UseContract();
app.UseAuthentication();
app.UseAuthorization();
app.MapHealthEndpoints();
app.MapEnergyEndpoints();
app.MapOpenApi();

app.Run();

/// <summary>Entry point; public so in-process HTTP tests can host it.</summary>
public partial class Program;
