namespace Energy.Http.Contract.OpenApi;

/// <summary>
/// Declares what an endpoint answers on success, on any endpoint builder. Every api/api_3 answer is the seed
/// envelope (<see cref="Envelope"/>); the row type is the endpoint's own. Errors are added for every endpoint by
/// <see cref="ErrorResponseTransformer"/>.
/// </summary>
public static class SeedAnswerConventions
{
    private const string Json = "application/json";
    private const string DataDescription = "ok: the rows in Data (a single row is still an array)";

    extension<TBuilder>(TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        /// <summary><c>{"Err_No":"0","Err_Msg":"ok"}</c> (<see cref="Envelope.Ok"/>).</summary>
        public TBuilder AnswersOk() =>
            builder.Answers(StatusCodes.Status200OK, typeof(OkEnvelope), "ok: done, no data");

        /// <summary><c>"Data":[{"id":…}]</c> (<see cref="Envelope.Created"/>).</summary>
        public TBuilder AnswersCreated() =>
            builder.Answers(StatusCodes.Status200OK, typeof(EnvelopeBody<CreatedId>), "ok: Data holds the new record's id");

        /// <summary>A file, not JSON: the body is the file's bytes in one of <paramref name="contentTypes"/>.</summary>
        public TBuilder AnswersFile(string description, params string[] contentTypes) =>
            builder.WithMetadata(new SeedResponse(StatusCodes.Status200OK, typeof(Stream), description, contentTypes));

        /// <summary>Any one JSON response, for answers outside the envelope (health probes).</summary>
        public TBuilder Answers(int status, Type body, string description) =>
            builder.WithMetadata(new SeedResponse(status, body, description, Json));

        /// <summary><c>"Data":[rows]</c> of <paramref name="row"/> (<see cref="Envelope.Data{T}"/>, <see cref="Envelope.Single{T}"/>).</summary>
        public TBuilder AnswersData(Type row, string description = DataDescription) =>
            builder.Answers(StatusCodes.Status200OK, typeof(EnvelopeBody<>).MakeGenericType(row), description);

        /// <summary>One page of <c>Data</c> of <paramref name="row"/> and <c>Total_Numbers</c> (<see cref="Envelope.Page{T}"/>).</summary>
        public TBuilder AnswersPage(Type row) =>
            builder.Answers(StatusCodes.Status200OK, typeof(EnvelopeBody<>).MakeGenericType(row),
                "ok: one page of rows in Data; Total_Numbers counts every match before paging");

        /// <summary>Marks an endpoint outside the envelope: only the contract edge's errors are documented for it.</summary>
        public TBuilder AnswersOutsideEnvelope() => builder.WithMetadata(OutsideEnvelope.Instance);
    }

    // The row type is the only type argument a caller gives; an extension block's receiver type cannot be
    // inferred beside it, so these take the interface and hand it back.
    extension(IEndpointConventionBuilder builder)
    {
        /// <summary><c>"Data":[rows]</c> (<see cref="Envelope.Data{T}"/>, <see cref="Envelope.Single{T}"/>).</summary>
        public IEndpointConventionBuilder AnswersData<TRow>(string description = DataDescription) =>
            builder.AnswersData(typeof(TRow), description);

        /// <summary>One page of <c>Data</c> and <c>Total_Numbers</c> (<see cref="Envelope.Page{T}"/>).</summary>
        public IEndpointConventionBuilder AnswersPage<TRow>() => builder.AnswersPage(typeof(TRow));
    }
}
