package dev.gatekeeper.deid;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds credentials recognisable by their own shape: key blocks, JWTs, vendor tokens, bearers. */
final class Credentials {
  /**
   * Vendor tokens, each anchored on its documented prefix. Quantifiers are possessive and the
   * look-behind rejects a start inside a longer token, so each token run is read once.
   */
  private static final Pattern VENDOR_TOKEN =
      Pattern.compile(
          "(?<![A-Za-z0-9_-])(?:"
              + "(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])" // AWS access key id
              + "|gh[pousr]_[A-Za-z0-9]{20,}+" // GitHub
              + "|github_pat_[A-Za-z0-9_]{20,}+"
              + "|glpat-[A-Za-z0-9_-]{20,}+" // GitLab
              + "|xox[abposr]-[A-Za-z0-9-]{10,}+" // Slack
              + "|xapp-[A-Za-z0-9-]{10,}+"
              + "|AT[AC]TT3[A-Za-z0-9_=-]{20,}+" // Atlassian API token
              + "|AIza[A-Za-z0-9_-]{30,}+" // Google API key
              + "|[sr]k_(?:live|test)_[A-Za-z0-9]{10,}+" // Stripe
              + ")");

  /** Header, payload and optional signature (and the two extra parts of a JWE). */
  private static final Pattern JWT =
      Pattern.compile(
          "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{7,}+\\.[A-Za-z0-9_-]{2,}+"
              + "(?:\\.[A-Za-z0-9_-]++){0,3}+");

  private static final String PEM_BEGIN = "-----BEGIN ";
  private static final String PEM_END = "-----END ";
  private static final String DASHES = "-----";
  private static final int MAX_PEM_LABEL = 64;

  private static final int MAX_BEARER_TOKEN = 8192;
  private static final int MIN_BEARER_TOKEN = 8;
  /** A bearer token of letters only is told from a word by its length. */
  private static final int MIN_LETTERS_ONLY_BEARER_TOKEN = 20;

  private Credentials() {}

  /**
   * Records the PEM private key block starting at {@code dash}: from "-----BEGIN ... PRIVATE
   * KEY-----" through its END line or, when that is missing, up to the first blank line (a key
   * cut short still must not leak).
   *
   * @return the index just after the block, or -1 when there is none
   */
  static int pem(String text, int dash, Spans out) {
    if (!text.startsWith(PEM_BEGIN, dash)) {
      return -1;
    }
    int labelStart = dash + PEM_BEGIN.length();
    int labelEnd = text.indexOf(DASHES, labelStart);
    if (labelEnd < 0 || labelEnd - labelStart > MAX_PEM_LABEL) {
      return -1;
    }
    if (text.substring(labelStart, labelEnd).indexOf("PRIVATE KEY") < 0) {
      return -1;
    }
    // The next run of dashes is this block's END line, or else the block was cut short; looking
    // no further keeps text full of BEGIN lines linear.
    int end;
    int next = text.indexOf(DASHES, labelEnd + DASHES.length());
    int endDashes = next >= 0 && text.startsWith(PEM_END, next)
        ? text.indexOf(DASHES, next + PEM_END.length())
        : -1;
    if (endDashes >= 0 && endDashes - next <= MAX_PEM_LABEL + PEM_END.length()) {
      end = endDashes + DASHES.length();
    } else {
      int blank = text.indexOf("\n\n", labelEnd);
      end = blank < 0 ? text.length() : blank;
    }
    out.add(dash, end, Placeholder.SECRET);
    return end;
  }

  /** Records the JWT whose "eyJ" starts at {@code start}; -1 when there is none. */
  static int jwt(String text, int start, Spans out) {
    return record(JWT, text, start, out);
  }

  /**
   * Records the vendor token whose prefix ends with the '_' or '-' at {@code i}
   * ({@code ghp_}, {@code github_pat_}, {@code sk_live_}, {@code xoxb-}, {@code glpat-}...).
   *
   * @return the index just after the token, or -1 when there is none
   */
  static int vendorTokenEndingPrefix(String text, int i, Spans out) {
    int start = -1;
    if (text.charAt(i) == '_') {
      if (endsWith(text, i - 1, "gh")) {
        start = i - 3;
      } else if (endsWith(text, i, "github")) {
        start = i - 6;
      } else if (endsWith(text, i, "sk") || endsWith(text, i, "rk")) {
        start = i - 2;
      }
    } else if (endsWith(text, i - 1, "xox") || endsWith(text, i, "xapp")) {
      start = i - 4;
    } else if (endsWith(text, i, "glpat")) {
      start = i - 5;
    }
    return start < 0 ? -1 : vendorToken(text, start, out);
  }

  private static boolean endsWith(String text, int end, String s) {
    return end >= s.length() && text.startsWith(s, end - s.length());
  }

  /** Records the vendor token starting at {@code start}; -1 when there is none. */
  static int vendorToken(String text, int start, Spans out) {
    return record(VENDOR_TOKEN, text, start, out);
  }

  /**
   * Records the token after the word "Bearer" (any case) at {@code start}. Only the token is
   * replaced: "Bearer [SECRET]" keeps the fact that an auth header was there. A token needs 8+
   * characters with a digit or one of {@code ._~+/=-}, or 20+ letters, so that the prose "bearer
   * bonds" stays.
   *
   * @return the index just after the token, or -1 when there is none
   */
  static int bearer(String text, int start, Spans out) {
    int n = text.length();
    if (!text.regionMatches(true, start, "bearer", 0, 6) || Chars.wordCharBefore(text, start)) {
      return -1;
    }
    int i = start + 6;
    int spaces = i;
    while (i < n && i - spaces < 4 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    if (i == spaces) {
      return -1;
    }
    int tokenStart = i;
    while (i < n && i - tokenStart < MAX_BEARER_TOKEN && isTokenChar(text.charAt(i))) {
      i++;
    }
    // A final '.' ends the sentence rather than the token.
    if (i > tokenStart && text.charAt(i - 1) == '.') {
      i--;
    }
    boolean nonLetter = false;
    for (int k = tokenStart; k < i && !nonLetter; k++) {
      nonLetter = !Chars.isAsciiLetter(text.charAt(k));
    }
    int length = i - tokenStart;
    boolean tokenLike =
        length >= MIN_LETTERS_ONLY_BEARER_TOKEN || (length >= MIN_BEARER_TOKEN && nonLetter);
    if (!tokenLike) {
      return -1;
    }
    out.add(tokenStart, i, Placeholder.SECRET);
    return i;
  }

  /** RFC 6750 b64token characters. */
  private static boolean isTokenChar(char c) {
    return Chars.isAsciiAlnum(c)
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~'
        || c == '+'
        || c == '/'
        || c == '=';
  }

  private static int record(Pattern pattern, String text, int start, Spans out) {
    Matcher m =
        pattern.matcher(text).region(start, text.length()).useTransparentBounds(true);
    if (!m.lookingAt()) {
      return -1;
    }
    out.add(start, m.end(), Placeholder.SECRET);
    return m.end();
  }
}
