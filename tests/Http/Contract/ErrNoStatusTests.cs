using Energy.Application.Common;
using Energy.Http.Contract;

namespace Energy.Http.Tests.Contract;

public sealed class ErrNoStatusTests
{
    // CONTRACT §1 Errors, row by row.
    [Theory]
    [InlineData("0", 200)]
    [InlineData("4103", 400)]
    [InlineData("4101", 401)]
    [InlineData("4105", 403)]
    [InlineData("4002", 404)]
    [InlineData("4003", 409)]
    [InlineData("4004", 422)]
    [InlineData("4201", 429)]
    [InlineData("4106", 401)]
    [InlineData("4102", 401)]
    [InlineData("4001", 500)]
    [InlineData("4107", 500)]
    [InlineData("4302", 500)]
    [InlineData("4501", 500)]
    public void Each_code_travels_with_the_status_of_its_class(string errNo, int status) =>
        ErrNoStatus.Of(errNo).ShouldBe(status);

    [Fact]
    public void The_helpers_carry_the_codes_the_contract_names()
    {
        ContractError.BadParameter("Meter_Type", "must be 0–8").ErrNo.ShouldBe(ErrNo.BadParameter);
        ContractError.NotFound("meter", 7).ErrNo.ShouldBe(ErrNo.NoSuchRecord);
        ContractError.AlreadyExists("meter", "1号表").ErrNo.ShouldBe(ErrNo.AlreadyExists);
        ContractError.DataError("machine still has live meters").ErrNo.ShouldBe(ErrNo.DataError);
        ContractError.NotLoggedIn().ErrNo.ShouldBe(ErrNo.NotLoggedIn);
        ContractError.NoPermission().ErrNo.ShouldBe(ErrNo.NoPermission);
        ContractError.RateLimited().ErrNo.ShouldBe(ErrNo.RateLimited);
    }

    [Fact]
    public void A_bad_parameter_names_the_field_and_the_expectation()
    {
        var error = ContractError.BadParameter("Meter_Type", "must be an energy type 0–8");

        error.Field.ShouldBe("Meter_Type");
        error.Message.ShouldBe("参数错误: Meter_Type must be an energy type 0–8");
    }
}
