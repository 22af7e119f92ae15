package dev.gatekeeper.deid;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed HMAC-SHA256 pseudonyms. Each kind of identifier has its own domain label and the parts
 * are length-prefixed, so no two different inputs share a pseudonym by concatenation. Actor and
 * container pseudonyms are scoped to their org: the same container key in two orgs is two
 * containers. Not thread-safe (one {@link Mac}); make one per stream task.
 */
public final class Pseudonyms {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private final Mac mac;

  public Pseudonyms(byte[] secret) {
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
    }
  }

  /** Stable id of the contribution of event {@code eventId} of org {@code orgId}. */
  public String contributionId(String orgId, String eventId) {
    return hmac("contribution", orgId, eventId);
  }

  public String org(String orgId) {
    return hmac("org", orgId);
  }

  public String actor(String orgId, String accountId) {
    return hmac("actor", orgId, accountId);
  }

  public String container(String orgId, String siteId, String containerId) {
    return hmac("container", orgId, siteId, containerId);
  }

  private String hmac(String domain, String... parts) {
    update(domain);
    for (String part : parts) {
      update(part);
    }
    return hex(mac.doFinal());
  }

  private void update(String part) {
    byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
    int n = bytes.length;
    mac.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
    mac.update(bytes);
  }

  private static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }
}
