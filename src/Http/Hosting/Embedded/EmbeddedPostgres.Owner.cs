namespace Energy.Http.Hosting.Embedded;

public sealed partial class EmbeddedPostgres
{
    /// <summary>
    /// An adopted server whose starter is gone (killed, crashed: no owner file or a dead owner) is this instance's to
    /// stop from now on; one whose starter still runs — another service, or another instance in this process — is not.
    /// </summary>
    private void TakeOverIfOrphaned()
    {
        var owner = ClusterOwner.Read(DataDirectory);
        if (owner is { IsAlive: true })
        {
            Owned = false;
            return;
        }

        Log.TakingOverServer(_logger, DataDirectory, owner?.ProcessId ?? 0);
        ClusterOwner.Current(_instance).Write(DataDirectory);
        Owned = true;
    }
}
