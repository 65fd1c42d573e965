using Energy.Application.Common;
using Microsoft.Extensions.Configuration;

namespace Energy.Projections.Energy;

/// <summary>
/// The plant's zone (<c>Energy:TimeZone</c>, default Asia/Shanghai) the energy rollups follow: the IANA id,
/// which PostgreSQL's <c>date_trunc(unit, instant, zone)</c> takes as it is, and the same zone for .NET.
/// </summary>
public sealed record PlantZone(string Id, TimeZoneInfo Info)
{
    public static PlantZone From(IConfiguration configuration) => Of(configuration["Energy:TimeZone"]);

    public static PlantZone Of(string? id)
    {
        var trimmed = string.IsNullOrWhiteSpace(id) ? PlantTime.DefaultZoneId : id.Trim();
        return new PlantZone(trimmed, PlantTime.ForZone(trimmed).Zone);
    }
}
