namespace ParkTwin.Domain;

/// <summary>
/// Bad input from a user: says what is wrong and where (a field path such as
/// <c>enterprises[0].fuels[1].unit</c>). The CLI turns it into exit code 2, the API into problem+json.
/// </summary>
public sealed class InputException(string path, string message) : Exception($"{path}: {message}")
{
    public string Path { get; } = path;
    public string Reason { get; } = message;
}
