using System.Text.Json.Serialization;
using Energy.Application.Users;
using Energy.Domain.Users;
using Energy.Http.Contract;

namespace Energy.Http.Users;

public sealed record LoginRequest(
    [property: JsonPropertyName("Usr_Name"), JsonConverter(typeof(FlexibleStringConverter))] string? Name = null,
    [property: JsonPropertyName("Usr_Password"), JsonConverter(typeof(FlexibleStringConverter))] string? Password = null);

public sealed record LoginAnswer(
    [property: JsonPropertyName("Usr_Name")] string Name,
    [property: JsonPropertyName("Usr_ID")] string Id,
    [property: JsonPropertyName("Token")] string Token);

/// <summary>1.3 and 1.4 bodies; 1.3 carries the password, 1.4 the id and the optional profile fields.</summary>
public sealed record UserRequest(
    [property: JsonPropertyName("id"), JsonConverter(typeof(FlexibleLongConverter))] long? Id = null,
    [property: JsonPropertyName("Usr_Name"), JsonConverter(typeof(FlexibleStringConverter))] string? Name = null,
    [property: JsonPropertyName("Usr_Email"), JsonConverter(typeof(FlexibleStringConverter))] string? Email = null,
    [property: JsonPropertyName("Usr_Password")] string? Password = null,
    [property: JsonPropertyName("Usr_Phone"), JsonConverter(typeof(FlexibleStringConverter))] string? Phone = null,
    [property: JsonPropertyName("XCX_Title")] string? XcxTitle = null,
    [property: JsonPropertyName("Usr_Company")] string? Company = null,
    [property: JsonPropertyName("Usr_Province")] string? Province = null,
    [property: JsonPropertyName("Usr_City")] string? City = null,
    [property: JsonPropertyName("Usr_Detail_Addr")] string? DetailAddress = null,
    [property: JsonPropertyName("Usr_Area")] string? Area = null)
{
    public UserInput ToInput() =>
        new(Name, Email, Password, new UserProfile(Email ?? "", Phone, XcxTitle, Company, Province, City, DetailAddress, Area));
}

/// <summary>1.5 as the seed lists it.</summary>
public sealed record UserAnswer(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("Usr_Name")] string Name,
    [property: JsonPropertyName("Usr_Email")] string Email,
    [property: JsonPropertyName("Usr_Phone")] string Phone,
    [property: JsonPropertyName("XCX_Title")] string XcxTitle,
    [property: JsonPropertyName("Usr_Company")] string Company,
    [property: JsonPropertyName("Usr_Province")] string Province,
    [property: JsonPropertyName("Usr_City")] string City,
    [property: JsonPropertyName("Usr_Detail_Addr")] string DetailAddress,
    [property: JsonPropertyName("Usr_Area")] string Area)
{
    public static UserAnswer From(UserRow u) =>
        new(u.Id, u.Name, u.Email, u.Phone ?? "", u.XcxTitle ?? "", u.Company ?? "", u.Province ?? "", u.City ?? "", u.DetailAddress ?? "", u.Area ?? "");
}
