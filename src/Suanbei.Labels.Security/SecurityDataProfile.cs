namespace Suanbei.Labels.Security;

/// <summary>
/// The details of the SecurityData record that the TC260 guide (网络安全标准实践指南——文件元数据隐式标识保护技术指南,
/// adopted 2025-08-28) leaves to the implementer, chosen once here and described in src/Suanbei.Labels/README.md.
/// The guide fixes the record's members (mandatory Type and Version; optional Bindings, PubSD, PrivSD, Extension) and
/// that algorithms are named by OID; the values below are this implementation's.
/// </summary>
public static class SecurityDataProfile
{
    /// <summary>Type of a record whose PubSD is a digital signature over the label fields and the content binding.</summary>
    public const string SignatureType = "DigitalSignature";

    /// <summary>The record version written; a record whose version has another major number is refused by name.</summary>
    public const string Version = "1.0";

    /// <summary>The binding kind written and checked: a hash of the content bytes each container's README defines.</summary>
    public const string HashBinding = "hash";

    /// <summary>First item of every to-be-signed message (domain separation from any other use of the key).</summary>
    public const string DomainTag = "GB45438-SecurityData-1";

    /// <summary>Largest encoded record read (a signed record is about 400 characters).</summary>
    public const int MaxEncodedLength = 8 * 1024;

    /// <summary>Bytes of SHA-256 over the SubjectPublicKeyInfo DER kept as the key id (PubSD.Kid).</summary>
    public const int KeyIdBytes = 8;

    /// <summary>Label fields the producer's signature (ReservedCode1) covers, in this order.</summary>
    public static readonly IReadOnlyList<string> ProducerSigned = ["Label", "ContentProducer", "ProduceID"];

    /// <summary>Label fields the propagator's signature (ReservedCode2) covers: the producer's fields and security
    /// data as received, then its own.</summary>
    public static readonly IReadOnlyList<string> PropagatorSigned =
        ["Label", "ContentProducer", "ProduceID", "ReservedCode1", "ContentPropagator", "PropagateID"];
}
