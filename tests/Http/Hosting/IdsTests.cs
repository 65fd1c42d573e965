using Energy.Application.Common;
using Energy.Http.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Energy.Http.Tests.Hosting;

public sealed class IdsTests
{
    /// <summary>The first use of an id kind creates its sequence; racing first uses must neither fail nor repeat an id.</summary>
    [Fact]
    public async Task Racing_first_ids_of_a_new_kind_are_all_handed_out_and_distinct()
    {
        using var host = new EnergyHost();
        var ids = host.Services.GetRequiredService<Ids>();

        for (var round = 0; round < 5; round++)
        {
            var kind = "race_kind_" + (char)('a' + round);
            using var start = new Barrier(8);
            var taken = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            {
                start.SignalAndWait();
                return ids.NextAsync(kind);
            })));

            taken.Order().ShouldBe(Enumerable.Range(1, 8).Select(i => (long)i), $"kind {kind}");
        }
    }
}
