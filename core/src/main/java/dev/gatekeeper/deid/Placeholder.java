package dev.gatekeeper.deid;

/** The typed placeholders that {@link Scrubber} writes in place of what it removes. */
public enum Placeholder {
  /** An email address. */
  EMAIL,
  /** The actor's display name or a part of it. */
  NAME,
  /** An @-mention or account-id markup. */
  MENTION,
  /** A phone number, international or national. */
  PHONE,
  /** An IPv4 or IPv6 address. */
  IP,
  /** A URL that names a customer site or a user. */
  URL,
  /** A Luhn-valid payment card number. */
  CARD,
  /** A credential: key block, JWT, vendor or bearer token, labelled secret value. */
  SECRET,
  /** An International Bank Account Number (ISO 13616), its check digits valid. */
  IBAN,
  /** A national identification number: a US Social Security or UK National Insurance number. */
  NATIONAL_ID,
  /** A street address (house number and street) or a postcode that travels with one. */
  ADDRESS;

  private final String token = "[" + name() + "]";

  /**
   * The text written in place of a finding.
   *
   * @return the name in square brackets, e.g. {@code "[EMAIL]"}
   */
  public String token() {
    return token;
  }
}
