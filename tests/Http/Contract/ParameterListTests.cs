using Energy.Application.Common;

namespace Energy.Http.Tests.Contract;

public sealed class ParameterListTests
{
    [Fact]
    public void Ascii_and_full_width_commas_both_split() =>
        ParameterList.Split("1号表,2号表，3号表").ShouldBe(["1号表", "2号表", "3号表"]);

    [Fact]
    public void Parts_are_trimmed_and_empty_parts_dropped() =>
        ParameterList.Split(" A , ，B,, ").ShouldBe(["A", "B"]);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Nothing_is_an_empty_list(string? text) => ParameterList.Split(text).ShouldBeEmpty();

    [Fact]
    public void Integer_lists_split_the_same_way() =>
        ParameterList.SplitInts("0，1, 8", "Amount_Value").ShouldBe([0, 1, 8]);

    [Fact]
    public void A_part_that_is_not_an_integer_is_a_bad_parameter_naming_the_field()
    {
        var error = Should.Throw<ContractError>(() => ParameterList.SplitInts("0,电", "Amount_Value"));

        error.ErrNo.ShouldBe(ErrNo.BadParameter);
        error.Message.ShouldContain("Amount_Value");
    }
}
