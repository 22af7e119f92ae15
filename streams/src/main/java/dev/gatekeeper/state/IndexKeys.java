package dev.gatekeeper.state;

/**
 * Keys of the contribution index: {@code orgId NUL contributionId}, so that an org's entries are
 * one prefix scan. Org ids never contain NUL (the decoders reject such records), so no org's
 * prefix is a prefix of another org's keys.
 */
public final class IndexKeys {
  private static final char SEPARATOR = '\u0000';

  private IndexKeys() {}

  public static String key(String orgId, String contributionId) {
    return orgId + SEPARATOR + contributionId;
  }

  public static String prefix(String orgId) {
    return orgId + SEPARATOR;
  }

  public static String contributionId(String key) {
    return key.substring(key.lastIndexOf(SEPARATOR) + 1);
  }

  /** What follows the org id: the part after the first NUL, which may itself hold NULs. */
  public static String afterOrg(String key) {
    return key.substring(key.indexOf(SEPARATOR) + 1);
  }

  /** Whether an id may be used as an org id in index keys. */
  public static boolean isUsableOrgId(String orgId) {
    return orgId != null && !orgId.isEmpty() && orgId.indexOf(SEPARATOR) < 0;
  }
}
