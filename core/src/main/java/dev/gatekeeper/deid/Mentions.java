package dev.gatekeeper.deid;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds @-mentions and the account-id markup of Jira, Confluence and rich-text editors. */
final class Mentions {
  /** {@code @[Ada Lovelace](accountid:557058:...)}, the link part optional. */
  private static final Pattern MARKDOWN =
      Pattern.compile("@\\[[^\\[\\]\\n]{1,128}+\\](?:\\([^()\\s]{1,256}+\\))?");

  /** Jira wiki markup: {@code [~ada]}, {@code [~accountid:5b10a2844c20165700ede21g]}. */
  private static final Pattern JIRA = Pattern.compile("\\[~[^\\[\\]\\s]{1,256}+\\]");

  /** Confluence storage format: {@code <ri:user ri:account-id="557058:..."/>}. */
  private static final Pattern CONFLUENCE = Pattern.compile("<ri:user\\b[^<>]{0,1024}+>");

  private static final int MAX_HANDLE = 64;

  /**
   * Code annotations, directives and broadcast keywords that look like mentions but name nobody.
   * Matched exactly (case-sensitively), so {@code @test} is still a mention.
   */
  private static final Set<String> NOT_PEOPLE =
      Set.of(
          "Override", "Deprecated", "SuppressWarnings", "FunctionalInterface", "SafeVarargs",
          "Test", "ParameterizedTest", "BeforeEach", "AfterEach", "BeforeAll", "AfterAll",
          "Nullable", "NonNull", "Autowired", "Inject", "Bean", "Component", "Service",
          "param", "return", "throws", "see", "since", "link", "inheritDoc", "author", "version",
          "property", "staticmethod", "classmethod", "dataclass",
          "media", "import", "keyframes", "charset", "supports", "font-face",
          "here", "channel", "everyone", "all");

  private Mentions() {}

  /**
   * Records the rich-text mention {@code @[Ada Lovelace](accountid:...)} at the '@' at {@code at}.
   *
   * @return the index just after the mention, or -1 when there is none
   */
  static int markdown(String text, int at, Spans out) {
    return record(MARKDOWN, text, at, out);
  }

  /**
   * Records the plain handle ({@code @ada}, {@code @ada.lovelace}, {@code @Ada_L}) at the '@' at
   * {@code at}. A handle glued to a preceding word is not a mention (that shape is an email, which
   * the caller tries first), nor is one followed by '/' (a package scope such as
   * {@code @types/node}) or one of the {@link #NOT_PEOPLE} words.
   *
   * @return the index just after the handle, or -1 when there is none
   */
  static int handle(String text, int at, Spans out) {
    int end = handleEnd(text, at);
    if (end >= 0) {
      out.add(at, end, Placeholder.MENTION);
    }
    return end;
  }

  /** Records Jira's {@code [~...]} user markup at {@code bracket}; -1 when there is none. */
  static int jira(String text, int bracket, Spans out) {
    return record(JIRA, text, bracket, out);
  }

  /** Records Confluence's {@code <ri:user .../>} element at {@code angle}; -1 if there is none. */
  static int confluence(String text, int angle, Spans out) {
    return record(CONFLUENCE, text, angle, out);
  }

  private static int handleEnd(String text, int at) {
    if (at > 0) {
      char before = text.charAt(at - 1);
      if (Chars.isWordChar(before) || before == '.' || before == '@') {
        return -1;
      }
    }
    int n = text.length();
    int ceiling = Math.min(n, at + 1 + MAX_HANDLE);
    int end = at + 1;
    while (end < ceiling && isHandleChar(text.charAt(end))) {
      end++;
    }
    // A handle ends on a word character: "@ada." ends a sentence, it is not part of the handle.
    while (end > at + 1 && !Chars.isWordChar(text.charAt(end - 1))) {
      end--;
    }
    if (end == at + 1) {
      return -1;
    }
    if (end < n && text.charAt(end) == '/') {
      return -1;
    }
    if (NOT_PEOPLE.contains(text.substring(at + 1, end))) {
      return -1;
    }
    return end;
  }

  private static boolean isHandleChar(char c) {
    return Chars.isWordChar(c) || c == '.' || c == '-';
  }

  private static int record(Pattern pattern, String text, int at, Spans out) {
    int end = lookingAt(pattern, text, at);
    if (end >= 0) {
      out.add(at, end, Placeholder.MENTION);
    }
    return end;
  }

  private static int lookingAt(Pattern pattern, String text, int at) {
    Matcher m = pattern.matcher(text).region(at, text.length());
    return m.lookingAt() ? m.end() : -1;
  }
}
