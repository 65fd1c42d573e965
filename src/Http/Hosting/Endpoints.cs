using Energy.Http.Alarms;
using Energy.Http.Audit;
using Energy.Http.Consumption;
using Energy.Http.Operations;
using Energy.Http.Production;
using Energy.Http.Platform;
using Energy.Http.Rates;
using Energy.Http.Regions;
using Energy.Http.Settings;
using Energy.Http.Machines;
using Energy.Http.Measurements;
using Energy.Http.Meters;
using Energy.Http.Oee;
using Energy.Http.Readings;
using Energy.Http.Users;
using Energy.Http.Vendor;
using Energy.Http.WeChat;

namespace Energy.Http.Hosting;

/// <summary>Every feature's endpoints; a feature adds its one line here.</summary>
public static class Endpoints
{
    public static IEndpointRouteBuilder MapEnergyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapUserEndpoints();
        app.MapAuditEndpoints();
        app.MapOpsEndpoints();
        app.MapSettingsEndpoints();
        app.MapRateEndpoints();
        app.MapRegionEndpoints();
        app.MapMachineEndpoints();
        app.MapMeterEndpoints();
        app.MapVendorWebhookEndpoints();
        app.MapVendorEndpoints();
        app.MapReadingEndpoints();
        app.MapMeasureEndpoints();
        app.MapOeeEndpoints();
        app.MapProductionEndpoints();
        app.MapAlarmEndpoints();
        app.MapEnergyQueryEndpoints();
        app.MapPlatformEndpoints();
        app.MapWeChatEndpoints();
        return app;
    }
}
