package dev.gatekeeper.deid;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds values whose label says what they are: {@code password=...}, {@code "api_key": "..."},
 * {@code AWS_SECRET_ACCESS_KEY: ...}, {@code Cookie: ...} (secrets) and
 * {@code accountId: 557058:...} (account ids).
 */
final class LabelledValues {
  /**
   * Key names whose value is a secret, as parts that may be joined by one of {@code " _.-"} or
   * nothing. A key counts when it ends with one of these, so that {@code db_password},
   * {@code GITHUB_TOKEN}, {@code clientSecret} and "AWS secret access key" count and
   * {@code tokens} does not.
   */
  private static final String[][] SECRET_KEYS = {
    {"password"}, {"passwd"}, {"passphrase"}, {"secret"}, {"token"}, {"authorization"},
    {"cookie"}, {"api", "key"}, {"access", "key"}, {"secret", "key"}, {"private", "key"},
  };

  private static final String[] ACCOUNT_KEY = {"account", "id"};

  /** The scheme word of an Authorization value, kept like "Bearer" is. */
  private static final Pattern AUTH_SCHEME =
      Pattern.compile(
          "(?:Bearer|Basic|Token|Digest|Negotiate|AWS4-HMAC-SHA256)[ \\t]+",
          Pattern.CASE_INSENSITIVE);

  private static final int MAX_VALUE = 512;
  private static final int MAX_PADDING = 8;

  private LabelledValues() {}

  /**
   * Records the value after the ':' or '=' at {@code separator} when the key before it names a
   * secret ({@link Placeholder#SECRET}) or an account id ({@link Placeholder#MENTION}). The value
   * is a quoted string (without its quotes) or a run up to white space, a closing brace or one
   * of {@code , ; " ' ` < > ) ] |} (and {@code &} after '='). Comparisons ({@code ==},
   * {@code !=}, {@code <=}) and {@code :=} are not labels.
   *
   * @return the index just after the value, or -1 when there is none
   */
  static int scan(String text, int separator, Spans out) {
    int n = text.length();
    int keyEnd = separator;
    while (keyEnd > 0 && separator - keyEnd < MAX_PADDING
        && isKeyPadding(text.charAt(keyEnd - 1))) {
      keyEnd--;
    }
    if (keyEnd == 0 || !mayEndKey(text.charAt(keyEnd - 1))) {
      return -1;
    }
    if (text.charAt(separator) == '=' && "=!<>".indexOf(text.charAt(separator - 1)) >= 0) {
      return -1;
    }
    Placeholder type = keyType(text, keyEnd);
    if (type == null) {
      return -1;
    }
    int v = separator + 1;
    while (v < n && v - separator <= MAX_PADDING && isValuePadding(text.charAt(v))) {
      v++;
    }
    if (v >= n || text.charAt(v) == '=' || text.charAt(v) == ':') {
      return -1;
    }
    if (text.regionMatches(true, keyEnd - 13, "authorization", 0, 13)) {
      Matcher scheme = AUTH_SCHEME.matcher(text).region(v, n);
      if (scheme.lookingAt()) {
        v = scheme.end();
      }
    }
    int start = v;
    int end = quotedEnd(text, v);
    if (end > v) {
      start = v + 1;
    } else {
      char c = text.charAt(v);
      if (c == '"' || c == '\'' || c == '`') {
        // An unterminated quote: the value still runs to the next delimiter.
        v++;
        start = v;
      }
      end = v;
      boolean query = text.charAt(separator) == '=';
      while (end < n && end - v < MAX_VALUE && !endsValue(text.charAt(end), query)) {
        end++;
      }
      // A final '.' ends the sentence rather than the value.
      if (end > v + 1 && text.charAt(end - 1) == '.') {
        end--;
      }
    }
    if (end <= start) {
      return -1;
    }
    if (type == Placeholder.MENTION && keyEnd == separator && start == separator + 1) {
      // Bare "accountid:557058:..." is one piece of markup: the label goes with the id.
      start = keyStart(text, keyEnd, ACCOUNT_KEY);
    }
    out.add(start, end, type);
    return end;
  }

  private static Placeholder keyType(String text, int keyEnd) {
    for (String[] key : SECRET_KEYS) {
      if (keyStart(text, keyEnd, key) >= 0) {
        return Placeholder.SECRET;
      }
    }
    return keyStart(text, keyEnd, ACCOUNT_KEY) >= 0 ? Placeholder.MENTION : null;
  }

  /** Where {@code key}'s parts start when the text just before {@code keyEnd} spells it, or -1. */
  private static int keyStart(String text, int keyEnd, String[] key) {
    int j = keyEnd;
    for (int p = key.length - 1; p >= 0; p--) {
      String part = key[p];
      j -= part.length();
      if (j < 0 || !text.regionMatches(true, j, part, 0, part.length())) {
        return -1;
      }
      if (p > 0 && j > 0 && " _.-".indexOf(text.charAt(j - 1)) >= 0) {
        j--;
      }
    }
    return j;
  }

  /** The index of the quote closing a one-line quoted value that starts at {@code v}, or -1. */
  private static int quotedEnd(String text, int v) {
    char quote = text.charAt(v);
    if (quote != '"' && quote != '\'' && quote != '`') {
      return -1;
    }
    int limit = Math.min(text.length(), v + 1 + MAX_VALUE);
    for (int i = v + 1; i < limit; i++) {
      char c = text.charAt(i);
      if (c == quote) {
        return i;
      }
      if (c == '\n') {
        return -1;
      }
    }
    return -1;
  }

  /** Only key names ending in d, t, n, y or e (password, secret, token, key, passphrase, id). */
  private static boolean mayEndKey(char c) {
    switch (c) {
      case 'd':
      case 'D':
      case 't':
      case 'T':
      case 'n':
      case 'N':
      case 'y':
      case 'Y':
      case 'e':
      case 'E':
        return true;
      default:
        return false;
    }
  }

  private static boolean isKeyPadding(char c) {
    return c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '*';
  }

  private static boolean isValuePadding(char c) {
    return c == ' ' || c == '\t' || c == '*';
  }

  /** Whether {@code c} ends an unquoted value; '&' only does after '=', as in a query string. */
  private static boolean endsValue(char c, boolean query) {
    switch (c) {
      case '&':
        return query;
      case ',':
      case ';':
      case '"':
      case '\'':
      case '`':
      case '<':
      case '>':
      case ')':
      case ']':
      case '}':
      case '|':
        return true;
      default:
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
  }
}
