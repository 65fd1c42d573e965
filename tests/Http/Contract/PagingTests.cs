using Energy.Application.Common;

namespace Energy.Http.Tests.Contract;

public sealed class PagingTests
{
    [Fact]
    public void Absent_parameters_mean_the_first_page_of_ten()
    {
        var paging = Paging.From(null, null);

        paging.ShouldBe(new Paging(1, 10));
        paging.Offset.ShouldBe(0);
        paging.Limit.ShouldBe(10);
    }

    [Fact]
    public void Page_0_and_page_1_are_both_the_first_page()
    {
        Paging.From(20, 0).ShouldBe(Paging.From(20, 1));
        Paging.From(20, 0).Offset.ShouldBe(0);
    }

    [Fact]
    public void Page_3_of_20_skips_40_rows() => Paging.From(20, 3).Offset.ShouldBe(40);

    [Fact]
    public void A_page_beyond_the_total_slices_to_nothing()
    {
        var rows = Enumerable.Range(1, 25).ToList();

        Paging.From(10, 3).Slice(rows).ShouldBe([21, 22, 23, 24, 25]);
        Paging.From(10, 4).Slice(rows).ShouldBeEmpty();
    }

    [Fact]
    public void The_maximum_page_size_is_accepted() => Paging.From(1000, 1).Limit.ShouldBe(1000);

    [Theory]
    [InlineData(1001)]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_page_size_outside_1_to_1000_is_a_bad_parameter(int perPage)
    {
        var error = Should.Throw<ContractError>(() => Paging.From(perPage, 1));

        error.ErrNo.ShouldBe(ErrNo.BadParameter);
        error.Field.ShouldBe("Per_Page_Counts");
    }

    [Fact]
    public void A_negative_page_is_a_bad_parameter() =>
        Should.Throw<ContractError>(() => Paging.From(10, -1)).Field.ShouldBe("Page_Counts");

    [Fact]
    public void A_huge_page_number_does_not_overflow_the_offset() =>
        Paging.From(1000, int.MaxValue).Offset.ShouldBe((long)(int.MaxValue - 1) * 1000);
}
