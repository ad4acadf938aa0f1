namespace Pingtang.Domain;

/// <summary>A county rule was broken; the message is safe to show to staff.</summary>
public sealed class DomainException(string message) : Exception(message);
