package dev.gatekeeper.deid;

/**
 * Finds URLs that identify a customer or a user. Such a URL is replaced whole; any other URL
 * (documentation, public sites) stays, and the other rules still look inside it.
 *
 * <p>Every scan here stops at the next "://", where the next URL's own check takes over, so
 * text packed with URLs is still read in linear time.
 */
final class Urls {
  /** Customer sites: a host equal to one of these or below it. */
  private static final String[] CUSTOMER_DOMAINS = {
    "atlassian.net", "atlassian.com", "jira.com", "trello.com", "bitbucket.org",
  };

  /** Path segments after which the next segment names a user. */
  private static final String[] USER_SEGMENTS = {
    "people/", "users/", "user/", "profiles/", "profile/",
  };

  /** Query parameters whose value names a user. */
  private static final String[] USER_PARAMETERS = {
    "accountid=", "account_id=", "account-id=", "userid=", "user_id=", "username=", "user_name=",
  };

  private static final int MAX_SCHEME = 16;
  private static final int MAX_HOST = 253;
  private static final int MAX_LABEL = 63;

  private Urls() {}

  /**
   * Records the URL whose "://" starts at {@code colon} when it has user info, a customer host or
   * a user path.
   *
   * @return the index just after the recorded URL, or -1 when it is not recorded
   */
  static int withScheme(String text, int colon, Spans out) {
    int start = colon;
    while (start > 0 && colon - start < MAX_SCHEME && isSchemeChar(text.charAt(start - 1))) {
      start--;
    }
    while (start < colon && !Chars.isAsciiLetter(text.charAt(start))) {
      start++;
    }
    if (start == colon) {
      return -1;
    }
    int authority = colon + 3;
    int n = text.length();
    int authorityEnd = authority;
    int at = -1;
    while (authorityEnd < n) {
      char c = text.charAt(authorityEnd);
      if (c == '/' || c == '?' || c == '#' || Chars.endsUrl(c)) {
        break;
      }
      if (c == '@') {
        at = authorityEnd;
      }
      authorityEnd++;
    }
    int hostStart = at >= 0 ? at + 1 : authority;
    int hostEnd = hostStart;
    while (hostEnd < authorityEnd && text.charAt(hostEnd) != ':') {
      hostEnd++;
    }
    if (at < 0
        && customerDomainLength(text, hostStart, hostEnd) < 0
        && !hasUserPath(text, authorityEnd)) {
      return -1;
    }
    int end = end(text, authority);
    out.add(start, end, Placeholder.URL);
    return end;
  }

  /**
   * Records the scheme-less URL whose host contains the '.' at {@code dot}: a customer host
   * with a subdomain other than www or with a path ({@code acme.atlassian.net/wiki/...}), or a
   * {@code www.} host with a user path. A bare product name such as "trello.com" in prose stays.
   * Only the first dot of a host does the work; later ones return at once.
   *
   * @return the index just after the recorded URL, or -1 when it is not recorded
   */
  static int bareHost(String text, int dot, Spans out) {
    int n = text.length();
    if (dot == 0 || dot + 1 >= n || !Chars.isAsciiAlnum(text.charAt(dot + 1))) {
      return -1;
    }
    int hostStart = dot;
    while (hostStart > 0 && dot - hostStart < MAX_LABEL
        && isLabelChar(text.charAt(hostStart - 1))) {
      hostStart--;
    }
    while (hostStart < dot && !Chars.isAsciiAlnum(text.charAt(hostStart))) {
      hostStart++;
    }
    if (hostStart == dot || (hostStart > 0 && "@/.".indexOf(text.charAt(hostStart - 1)) >= 0)) {
      return -1;
    }
    int hostEnd = dot + 1;
    while (hostEnd < n && hostEnd - hostStart < MAX_HOST && isHostChar(text.charAt(hostEnd))) {
      hostEnd++;
    }
    while (!Chars.isAsciiAlnum(text.charAt(hostEnd - 1))) {
      hostEnd--;
    }
    boolean www = text.regionMatches(true, hostStart, "www.", 0, 4);
    int domain = customerDomainLength(text, hostStart, hostEnd);
    if (domain < 0 && !www) {
      return -1;
    }
    boolean hasPath = hostEnd + 1 < n && text.charAt(hostEnd) == '/'
        && !Chars.endsUrl(text.charAt(hostEnd + 1));
    boolean record;
    if (domain >= 0) {
      int subdomain = hostEnd - hostStart - domain;
      record = hasPath || (subdomain > 0 && !(www && subdomain == 4));
    } else {
      record = hasUserPath(text, hostEnd);
    }
    if (!record) {
      return -1;
    }
    int end = end(text, hostEnd);
    out.add(hostStart, end, Placeholder.URL);
    return end;
  }

  /**
   * The end of the URL whose authority or path starts at {@code from}: up to white space or a
   * markup delimiter, less trailing sentence punctuation and unbalanced closing parentheses.
   */
  static int end(String text, int from) {
    int n = text.length();
    int i = from;
    int open = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (Chars.endsUrl(c)) {
        break;
      }
      if (c == '(') {
        open++;
      } else if (c == ')') {
        if (open == 0) {
          break;
        }
        open--;
      }
      i++;
    }
    while (i > from && ".,;:!?*".indexOf(text.charAt(i - 1)) >= 0) {
      i--;
    }
    return i;
  }

  /**
   * Whether the path and query from {@code from} name a user ({@code /people/x}, {@code /~x},
   * {@code ?accountId=x}...), looking up to the end of the URL or the next "://".
   */
  private static boolean hasUserPath(String text, int from) {
    int n = text.length();
    for (int i = from; i < n; i++) {
      char c = text.charAt(i);
      if (Chars.endsUrl(c)) {
        return false;
      }
      if (c == '/') {
        boolean personalSpace = i + 2 < n && text.charAt(i + 1) == '~'
            && Chars.isWordChar(text.charAt(i + 2));
        if (personalSpace || startsSegmentNamingUser(text, i + 1)) {
          return true;
        }
      } else if (c == '?' || c == '&' || c == ';') {
        for (String parameter : USER_PARAMETERS) {
          if (text.regionMatches(true, i + 1, parameter, 0, parameter.length())) {
            return true;
          }
        }
      } else if (c == ':' && text.startsWith("//", i + 1)) {
        return false;
      }
    }
    return false;
  }

  private static boolean startsSegmentNamingUser(String text, int i) {
    for (String segment : USER_SEGMENTS) {
      int next = i + segment.length();
      if (next < text.length() && text.regionMatches(true, i, segment, 0, segment.length())) {
        char c = text.charAt(next);
        return c != '/' && c != '?' && c != '#' && !Chars.endsUrl(c);
      }
    }
    return false;
  }

  /** The length of the customer domain the host ends with, or -1 when it is not a customer's. */
  private static int customerDomainLength(String text, int start, int end) {
    int length = end - start;
    for (String domain : CUSTOMER_DOMAINS) {
      int d = domain.length();
      if (length == d || (length > d && text.charAt(end - d - 1) == '.')) {
        if (text.regionMatches(true, end - d, domain, 0, d)) {
          return d;
        }
      }
    }
    return -1;
  }

  private static boolean isSchemeChar(char c) {
    return Chars.isAsciiAlnum(c) || c == '+' || c == '-' || c == '.';
  }

  private static boolean isLabelChar(char c) {
    return Chars.isAsciiAlnum(c) || c == '-';
  }

  private static boolean isHostChar(char c) {
    return isLabelChar(c) || c == '.';
  }
}
