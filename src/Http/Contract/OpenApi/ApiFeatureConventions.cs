namespace Energy.Http.Contract.OpenApi;

/// <summary>Puts endpoints into a feature, on any endpoint builder (usually the feature's route group).</summary>
public static class ApiFeatureConventions
{
    extension<TBuilder>(TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        /// <summary>Tags the endpoints with the feature's name and keeps the feature for the tag's description.</summary>
        public TBuilder InFeature(ApiFeature feature) => builder.WithTags(feature.Name).WithMetadata(feature);
    }
}
