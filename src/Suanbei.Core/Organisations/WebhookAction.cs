namespace Suanbei.Core.Organisations;

/// <summary>A change to one of an organisation's webhooks, as its change record names it.</summary>
public enum WebhookAction
{
    Added = 0,
    AddressChanged = 1,
    SecretRotated = 2,
    Disabled = 3,
    Enabled = 4,
    Deleted = 5,
    TestSent = 6,
}
