using Energy.Http.Hosting;
using Npgsql;

namespace Energy.Http.Tests.Hosting;

/// <summary>The service's pool skips the per-use session reset unless the connection string decides otherwise.</summary>
public sealed class EnergyDatabaseTests
{
    [Theory]
    [InlineData("Host=127.0.0.1;Username=energy;Database=energy", true)]
    [InlineData("Host=127.0.0.1;Username=energy;Database=energy;No Reset On Close=false", false)]
    [InlineData("Host=127.0.0.1;Username=energy;Database=energy;NoResetOnClose=false", false)]
    [InlineData("Host=127.0.0.1;Username=energy;Database=energy;no reset on close=true", true)]
    public async Task The_reset_is_skipped_unless_the_connection_string_names_the_setting(string connectionString, bool skipped)
    {
        await using var dataSource = EnergyDatabase.CreateDataSource(connectionString);
        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        settings.NoResetOnClose.ShouldBe(skipped);
        settings.Host.ShouldBe("127.0.0.1");
        settings.Database.ShouldBe("energy");
    }
}
