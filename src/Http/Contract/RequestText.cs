using Energy.Application.Common;

namespace Energy.Http.Contract;

/// <summary>
/// The path and query half of the rule in <see cref="TextInput"/> (JSON strings are checked by
/// <see cref="FlexibleStringConverter"/>): a NUL in a query value or a route segment is refused at the edge,
/// before any endpoint binds it, naming the parameter.
/// </summary>
public static class RequestText
{
    /// <summary>Throws a 4103 for the first parameter (or the path) holding a NUL.</summary>
    public static void Check(HttpRequest request)
    {
        // Kestrel itself refuses a decoded NUL in the path before the application runs (400, no body); other
        // servers (and the test server) hand it on, and a route value must never carry it further.
        if (TextInput.HasNul(request.Path.Value))
        {
            throw ContractError.BadRequest($"the path {TextInput.NulRefusal}");
        }

        foreach (var (name, values) in request.Query)
        {
            if (TextInput.HasNul(name))
            {
                throw ContractError.BadRequest($"a query parameter's name {TextInput.NulRefusal}");
            }

            foreach (var value in values)
            {
                TextInput.Checked(value ?? "", name);
            }
        }
    }
}
