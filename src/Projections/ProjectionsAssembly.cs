namespace Energy.Projections;

/// <summary>Anchor for scanning this assembly's projections, reactors and read-model schemas.</summary>
public static class ProjectionsAssembly;
