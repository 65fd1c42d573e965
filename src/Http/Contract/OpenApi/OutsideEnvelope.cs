namespace Energy.Http.Contract.OpenApi;

/// <summary>
/// Endpoint metadata: the endpoint answers for machines outside the seed envelope (health probes), so the
/// document gives it only the errors the contract edge writes for any request (400, 500), not the envelope
/// endpoints' refusals.
/// </summary>
public sealed class OutsideEnvelope
{
    public static OutsideEnvelope Instance { get; } = new();

    private OutsideEnvelope() { }
}
