namespace Energy.Application;

/// <summary>Anchor for scanning this assembly's handlers and query services.</summary>
public static class ApplicationAssembly;
