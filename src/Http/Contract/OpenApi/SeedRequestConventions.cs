namespace Energy.Http.Contract.OpenApi;

/// <summary>Declares what an endpoint reads or refuses beyond what the framework sees, on any endpoint builder.</summary>
public static class SeedRequestConventions
{
    extension<TBuilder>(TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        /// <summary>A body the endpoint reads by hand, in the shape of <paramref name="body"/>.</summary>
        public TBuilder ReadsBody(Type body, string contentType, string description, bool required = true) =>
            builder.WithMetadata(new SeedRequestBody(body, contentType, required, description));

        /// <summary>Error statuses beyond those every endpoint of its kind may answer.</summary>
        public TBuilder AnswersErrors(params int[] statuses) =>
            builder.WithMetadata(new SeedErrorStatuses(statuses));

        /// <summary>The endpoint reads a login when one is sent but does not require it.</summary>
        public TBuilder LoginOptional() => builder.WithMetadata(OptionalLogin.Instance);
    }
}
