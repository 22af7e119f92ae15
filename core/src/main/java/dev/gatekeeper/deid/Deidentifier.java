package dev.gatekeeper.deid;

import dev.gatekeeper.schema.Actor;
import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.schema.DataEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a data event the policy allowed into the only thing ML pipelines see (POLICY.md
 * "De-identification"): no raw identifier, keyed pseudonyms for org, actor and container,
 * allow-listed and scrubbed attributes, scrubbed text, time coarsened. Not thread-safe (it holds
 * a {@link Pseudonyms}); make one per stream task.
 */
public final class Deidentifier {
  /** Between the parts of a display name; compiled once (String.split compiled it per event). */
  private static final Pattern NAME_SEPARATORS = Pattern.compile("[\\s,]+");
  /** Org tokens kept per instance: the same for every event of an org, one HMAC each otherwise. */
  static final int ORG_TOKENS_CACHED = 4096;

  private final Pseudonyms pseudonyms;
  private final Map<String, String> orgTokens =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > ORG_TOKENS_CACHED;
        }
      };
  private final Scrubber scrubber;
  private final Set<String> allowedAttributes;
  private final long granularityMillis;
  private final String policyVersion;

  public Deidentifier(DeidConfig config, Scrubber scrubber, String policyVersion) {
    this.pseudonyms = new Pseudonyms(config.hmacSecret());
    this.scrubber = scrubber;
    this.allowedAttributes = config.allowedAttributes();
    this.granularityMillis = config.timeGranularity().toMillis();
    this.policyVersion = policyVersion;
  }

  public String contributionId(String orgId, String eventId) {
    return pseudonyms.contributionId(orgId, eventId);
  }

  /** The org's pseudonym: a pure function of the secret and the org id, so it is cached as is. */
  String orgToken(String orgId) {
    return orgTokens.computeIfAbsent(orgId, pseudonyms::org);
  }

  /** The time a contribution carries: {@code occurredAt} truncated to the granularity. */
  public long coarsen(long epochMillis) {
    return Math.floorDiv(epochMillis, granularityMillis) * granularityMillis;
  }

  /**
   * @param contributionId from {@link #contributionId}
   * @param region the org's residency region, or null
   */
  public Contribution deidentify(DataEvent e, String contributionId, String region) {
    return deidentify(e, contributionId, region, null);
  }

  /**
   * As {@link #deidentify(DataEvent, String, String)}, counting the placeholders written into the
   * text and attributes by type, as they are written.
   *
   * @param counts incremented once per placeholder in the contribution; may be null
   */
  public Contribution deidentify(DataEvent e, String contributionId, String region, PlaceholderCounts counts) {
    Actor actor = e.getActor();
    List<String> names = nameParts(actor);
    return Contribution.newBuilder()
        .setContributionId(contributionId)
        .setOrgToken(orgToken(e.getOrgId()))
        .setActorToken(actor == null ? null : pseudonyms.actor(e.getOrgId(), actor.getAccountId()))
        .setContainerToken(
            e.getContainerId() == null
                ? null
                : pseudonyms.container(e.getOrgId(), e.getSiteId(), e.getContainerId()))
        .setApp(e.getApp())
        .setDataType(e.getDataType())
        .setOccurredAt(Instant.ofEpochMilli(coarsen(e.getOccurredAt().toEpochMilli())))
        .setAttributes(attributes(e.getAttributes(), actor, names, counts))
        .setText(e.getText() == null ? null : scrub(e.getText(), actor, names, counts))
        .setRegion(region)
        .setPolicyVersion(policyVersion)
        .build();
  }

  private Map<String, String> attributes(Map<String, String> in, Actor actor, List<String> names, PlaceholderCounts counts) {
    Map<String, String> out = new HashMap<>();
    for (Map.Entry<String, String> a : in.entrySet()) {
      if (allowedAttributes.contains(a.getKey()) && a.getValue() != null) {
        out.put(a.getKey(), scrub(a.getValue(), actor, names, counts));
      }
    }
    return out;
  }

  /**
   * The scrubber's patterns, then the actor's own identifiers wherever they still appear
   * verbatim: an account id or email in an unusual form is still theirs.
   */
  private String scrub(String text, Actor actor, List<String> names, PlaceholderCounts counts) {
    String out = scrubber.scrub(text, names, counts);
    if (actor == null) {
      return out;
    }
    out = replaceLiteral(out, actor.getAccountId(), Placeholder.MENTION, counts);
    return replaceLiteral(out, actor.getEmail(), Placeholder.EMAIL, counts);
  }

  /**
   * Replaces every case-insensitive occurrence of {@code identifier}. Scans with
   * {@link String#regionMatches(boolean, int, String, int, int)}, so text without the identifier
   * (nearly all of it) costs no allocation.
   */
  static String replaceLiteral(String text, String identifier, Placeholder placeholder) {
    return replaceLiteral(text, identifier, placeholder, null);
  }

  private static String replaceLiteral(String text, String identifier, Placeholder placeholder, PlaceholderCounts counts) {
    if (identifier == null || identifier.length() < 3) {
      return text; // too short to be told apart from ordinary words
    }
    int n = identifier.length();
    StringBuilder out = null;
    int copied = 0;
    for (int i = 0; i + n <= text.length(); i++) {
      if (text.regionMatches(true, i, identifier, 0, n)) {
        if (out == null) {
          out = new StringBuilder(text.length());
        }
        out.append(text, copied, i).append(placeholder.token());
        if (counts != null) {
          counts.add(placeholder);
        }
        i += n - 1;
        copied = i + 1;
      }
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  /** The display name and each whitespace-separated part of it. */
  static List<String> nameParts(Actor actor) {
    if (actor == null || actor.getDisplayName() == null || actor.getDisplayName().isBlank()) {
      return List.of();
    }
    String full = actor.getDisplayName().strip();
    List<String> parts = new ArrayList<>();
    parts.add(full);
    for (String p : NAME_SEPARATORS.split(full)) {
      if (!p.isEmpty() && !p.equals(full)) {
        parts.add(p);
      }
    }
    return parts;
  }
}
