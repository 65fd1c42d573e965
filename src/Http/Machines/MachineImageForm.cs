namespace Energy.Http.Machines;

/// <summary>
/// 2.9's multipart form, for the document: <see cref="MachineEndpoints"/> reads the form by hand, so that a
/// wrong one is a 4103 naming the field rather than the framework's refusal.
/// </summary>
public sealed record MachineImageForm(long Meter_Superior_id, IFormFile Machine_Image);
