package dev.gatekeeper.deid;

import static dev.gatekeeper.deid.Chars.charAt;

import java.util.List;

/**
 * Replaces personal and secret data in free text with typed {@link Placeholder} tokens.
 *
 * <h2>How it works</h2>
 *
 * One pass over the text looks for the few characters that can start or anchor a finding:
 * '@' (emails, mentions), digits, '+' and '(' (phones, cards, IPv4), ':' (URLs, IPv6, labelled
 * values), '=' (labelled values), '.' (bare hosts), '[' and '&lt;' (account markup), '-----'
 * (key blocks) and the rarest character of each token prefix. A digit also looks back at the
 * letters just before it, which is how IBANs, National Insurance numbers, UK, Irish and
 * Canadian postcodes, post office boxes and streets named before their number are found without
 * stopping at every capital letter of the prose; house numbers, Social Security numbers and ZIP
 * codes start at their digit. Only there does a detector run, mostly on a bounded window, so
 * ordinary prose costs one table look-up per character and no regular expression; every
 * detector runs in linear time, so no input makes it backtrack. The actor's name parts are then
 * searched literally. Findings are collected as ranges and the text is rebuilt once; text in
 * which nothing was found is returned as the same instance.
 *
 * <h2>Order of the rules</h2>
 *
 * Every rule looks at the original text, and findings that overlap are merged into one
 * placeholder covering all of them, so nothing that any rule matched can survive beside a
 * placeholder. The merged placeholder takes the type that comes first in this order:
 *
 * <ol>
 *   <li>{@code [URL]}: a customer or user URL is replaced whole, with any email, account id,
 *       token or name inside it; a URL without user info, customer host or user path stays.
 *   <li>{@code [SECRET]}: PEM private key blocks, JWTs (whose dotted parts look like words or a
 *       host), vendor tokens, bearer tokens and labelled values such as {@code password=...}.
 *   <li>{@code [EMAIL]}: tried before a mention at the same '@', so an address is never read as
 *       a handle.
 *   <li>{@code [MENTION]}: @-handles, {@code @[Name](accountid:...)}, Jira {@code [~...]},
 *       Confluence {@code <ri:user .../>} and labelled account ids.
 *   <li>{@code [IBAN]}: an account number whose ISO 13616 check digits hold is one even where
 *       its groups of digits also read as a phone or card number, which a mod-97 check and the
 *       country's length make the more specific reading.
 *   <li>{@code [CARD]}: a Luhn-valid 13–19 digit number is a card even when it could be read as
 *       a phone number.
 *   <li>{@code [NATIONAL_ID]}: US Social Security numbers in valid ranges and UK National
 *       Insurance numbers; before IP and phone, since {@code 078 05 1120} also has the shape of
 *       a trunk-prefixed phone number and the issuing rules are the narrower test.
 *   <li>{@code [IP]}: IPv4 with valid octets and IPv6; a dotted quad is an address before it is
 *       a phone number.
 *   <li>{@code [PHONE]}: international numbers with '+' and national shapes (3-3-4, or a
 *       trunk-prefixed number such as {@code 020 7946 0958}).
 *   <li>{@code [ADDRESS]}: street addresses and the postcodes that travel with them; after the
 *       number rules, since a house number or postcode is the looser reading of digits that
 *       one of them matched, and before names, since a street is often named after a person
 *       ("Baker Street", "Lincoln Road") and goes whole.
 *   <li>{@code [NAME]}: last, since a name inside any of the above goes with it.
 * </ol>
 *
 * <h2>Judgement calls</h2>
 *
 * <ul>
 *   <li>Bearer tokens keep the word "Bearer" ({@code Bearer [SECRET]}) and labelled secrets keep
 *       their label ({@code password=[SECRET]}), so the data still shows what was there.
 *   <li>A label such as "password:" takes the next word even in prose.
 *   <li>A dotted quad with octets up to 255 is an IP address even when meant as a version.
 *   <li>An unseparated number is a phone only with a trunk or international prefix
 *       ({@code 07700900123}, {@code 004915112345678}); a bare {@code 2025550143} stays, as it
 *       cannot be told from an id or a timestamp.
 *   <li>Any URL on a customer domain is replaced, {@code *.atlassian.com} documentation
 *       included; a bare product host in prose ("trello.com") stays.
 *   <li>Code annotations ({@code @Override}), broadcast words ({@code @here}) and package scopes
 *       ({@code @types/node}) are not mentions.
 *   <li>An IBAN of a country missing from the registry table is taken at any length from 15 to
 *       34 when its check digits hold; one whose check digits fail is not an IBAN, though its
 *       groups may still be read as a phone number.
 *   <li>Nine digits in a row are a Social Security number only when "SSN" or "social security"
 *       stands at most three words before them; {@code 078-05-1120} and {@code 078 05 1120}
 *       need no label. A National Insurance number needs its suffix letter, and takes the
 *       example prefix QQ; in lower case only its compact form counts.
 *   <li>A street address needs a house number and a street type after at least one name word
 *       ({@code 10 Downing Street}), or a street named by one word of a short list
 *       ({@code 1585 Broadway}). Types that are ordinary words too (Way, Hill, Park, Green, View,
 *       Drive, Place, Close, Court...) count only where the clause ends, a number or a direction
 *       follows ("Central Park West,"), a word that places them follows ("in", "near", "with"),
 *       a preposition before the number pairs with a word after the type ("at 5 Ash Court is
 *       closed", "from 1 Churchill Place to the airport"), or a unit and a comma come before
 *       ("Unit 12, Trafford Park"). A number after a label word ("Sprint 12", "Step 2",
 *       "Building 4", "PR 12", "#12") or a year after "in", "since"... is no house number.
 *   <li>In lower case only the unambiguous types count, after one or two name words that are
 *       not prose words, and only where the clause ends or the sentence places them:
 *       "12 baker street, london" goes; "12 Baker street is", "a 2 way street" and "5 miles down
 *       the road." stay.
 *   <li>A flat, unit, suite, floor, level, room or building before or after the street goes with
 *       it ({@code Level 3, 100 Collins St}, {@code 160 Spear St, 13th Floor}), as does a
 *       direction ({@code Ave NW}, {@code St W}); "Am" or "Große" before a German street
 *       ({@code Am Lindenweg 3}) and the "C/" of a Spanish one are part of its name. A post
 *       office box ({@code PO Box 1234}) is an address on its own.
 *   <li>When a short number before a house number finds nothing itself ("3 12 Baker Street"),
 *       the scan resumes at the house number rather than past it.
 *   <li>An address and its postcode become two placeholders, and the town between or after them
 *       stays ({@code [ADDRESS], London [ADDRESS]}, {@code [ADDRESS], [ADDRESS] Berlin}); a
 *       town, a state, a Japanese ward or a country alone identifies no one.
 *   <li>A full UK postcode with its space, one without its space whose area has two letters
 *       ({@code NW16XE}, {@code SW1A1AA}) and an Irish Eircode whose routing key is on the fixed
 *       list ({@code D02 X285}) are taken anywhere; inward codes that read as an ordinal, a data
 *       size or "2FA" ("M2 8GB") stay unless they follow a street address. A Canadian code
 *       ({@code M5V 2T6}) needs its province or the word "code" before it, or an address; a US
 *       ZIP code or an Australian postcode counts only after a state code that follows a town or
 *       street ("Sydney NSW 2000", not "in NSW 2024"), and a Japanese one after its 〒.
 *   <li>Other national postcodes ({@code 10115}, {@code 1012 AB}, {@code 00-590},
 *       {@code 1100-053}, {@code 111 51}, {@code 150-0002}, {@code 560001}) count only within 64
 *       characters after a street address in the same sentence, before a town or after one; a
 *       year-shaped four-digit number counts only right after the address's comma
 *       ("Groenplaats 21, 2000 Antwerpen").
 * </ul>
 *
 * <p>Immutable and thread-safe; build once, use from many threads.
 */
public final class Scrubber {
  private static final Scrubber STANDARD = new Scrubber();

  private static final byte NONE = 0;
  private static final byte AT = 1;
  private static final byte DIGIT = 2;
  private static final byte PLUS_OR_PAREN = 3;
  private static final byte COLON = 4;
  private static final byte EQUALS = 5;
  private static final byte DOT = 6;
  private static final byte DASH = 7;
  private static final byte UNDERSCORE = 8;
  private static final byte BRACKET = 9;
  private static final byte ANGLE = 10;
  private static final byte CAPITAL_A = 11;
  private static final byte CAPITAL_J = 12;
  private static final byte LETTER_B = 13;

  /** What each ASCII character may start or anchor; {@link #NONE} for most. */
  private static final byte[] TRIGGERS = new byte[128];

  static {
    TRIGGERS['@'] = AT;
    for (char c = '0'; c <= '9'; c++) {
      TRIGGERS[c] = DIGIT;
    }
    TRIGGERS['+'] = PLUS_OR_PAREN;
    TRIGGERS['('] = PLUS_OR_PAREN;
    TRIGGERS[':'] = COLON;
    TRIGGERS['='] = EQUALS;
    TRIGGERS['.'] = DOT;
    TRIGGERS['-'] = DASH;
    TRIGGERS['_'] = UNDERSCORE;
    TRIGGERS['['] = BRACKET;
    TRIGGERS['<'] = ANGLE;
    // Token prefixes are found by their rarest character: AKIA/ASIA/ATATT/AIza by the capital,
    // JWTs by the J of "eyJ", and ghp_, sk_live_, xoxb-, glpat-... by the '_' or '-' that ends
    // them, since lower-case letters would stop the scan on most of the prose.
    TRIGGERS['A'] = CAPITAL_A;
    TRIGGERS['J'] = CAPITAL_J;
    TRIGGERS['B'] = LETTER_B;
    TRIGGERS['b'] = LETTER_B;
  }

  private Scrubber() {
    // Load the name lexicon with the scrubber, at start-up, rather than in the first record's time.
    Lexicon.standard();
  }

  /**
   * The scrubber with every rule described in the class Javadoc; its patterns are compiled once,
   * when the class loads.
   *
   * @return the shared, thread-safe instance
   */
  public static Scrubber standard() {
    return STANDARD;
  }

  /**
   * Returns text with every piece of personal or secret data replaced by a typed placeholder.
   *
   * @param text the text to scrub; null gives null
   * @param nameParts the actor's display name and each part of it (e.g. ["Ada Lovelace", "Ada",
   *     "Lovelace"]); may be null or empty; null, blank and single-letter entries are ignored
   * @return the scrubbed text; the same instance when nothing was found
   */
  public String scrub(String text, List<String> nameParts) {
    return scrub(text, nameParts, null);
  }

  /**
   * As {@link #scrub(String, List)}, counting the placeholders written by type.
   *
   * @param counts incremented once per placeholder in the result; may be null
   */
  public String scrub(String text, List<String> nameParts, PlaceholderCounts counts) {
    if (text == null) {
      return null;
    }
    Spans spans = collect(text, nameParts);
    return spans.render(text, counts);
  }

  private static Spans collect(String text, List<String> nameParts) {
    Spans spans = new Spans();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      byte trigger = c < 128 ? TRIGGERS[c] : NONE;
      if (trigger == NONE) {
        i++;
      } else {
        i = Math.max(i + 1, detect(trigger, text, i, spans));
      }
    }
    Names.find(text, nameParts, spans);
    PersonNames.find(text, spans);
    return spans;
  }

  /**
   * What {@link #scrub} would replace, without replacing it: for evaluations that compare the
   * scrubber's findings with labelled text.
   *
   * @param text the text to scrub; not null
   * @param nameParts as for {@link #scrub}
   * @return the merged findings in text order
   */
  public List<Finding> findings(String text, List<String> nameParts) {
    Spans spans = collect(text, nameParts);
    List<Finding> out = new java.util.ArrayList<>();
    for (int[] f : spans.merged()) {
      out.add(new Finding(f[0], f[1], Placeholder.values()[f[2]]));
    }
    return out;
  }

  /** A range of the original text that becomes one placeholder. */
  public record Finding(int start, int end, Placeholder type) {}

  /** Runs the detectors that {@code trigger} calls for; returns where scanning may resume. */
  private static int detect(byte trigger, String text, int i, Spans spans) {
    switch (trigger) {
      case AT:
        return atSign(text, i, spans);
      case DIGIT:
        return digit(text, i, spans);
      case PLUS_OR_PAREN:
        return digitAt(text, i + 1) && (text.charAt(i) == '+' || closesAreaCode(text, i))
            ? Numbers.scan(text, i, spans)
            : -1;
      case COLON:
        return colon(text, i, spans);
      case EQUALS:
        return LabelledValues.scan(text, i, spans);
      case DOT:
        return Urls.bareHost(text, i, spans);
      case DASH:
        return charAt(text, i + 1) == '-'
            ? Credentials.pem(text, i, spans)
            : Credentials.vendorTokenEndingPrefix(text, i, spans);
      case UNDERSCORE:
        return Credentials.vendorTokenEndingPrefix(text, i, spans);
      case BRACKET:
        return charAt(text, i + 1) == '~' ? Mentions.jira(text, i, spans) : -1;
      case ANGLE:
        return charAt(text, i + 1) == 'r' ? Mentions.confluence(text, i, spans) : -1;
      case CAPITAL_A:
        return mayStartToken(text, i) ? Credentials.vendorToken(text, i, spans) : -1;
      case CAPITAL_J:
        return i >= 2 && text.charAt(i - 1) == 'y' && text.charAt(i - 2) == 'e'
            ? Credentials.jwt(text, i - 2, spans)
            : -1;
      case LETTER_B:
        return Chars.eqIgnoreCase(charAt(text, i + 1), 'e') ? Credentials.bearer(text, i, spans) : -1;
      default:
        return -1;
    }
  }

  private static int atSign(String text, int at, Spans spans) {
    int end = Mentions.markdown(text, at, spans);
    if (end < 0) {
      end = Emails.scan(text, at, spans);
    }
    if (end < 0) {
      end = Mentions.handle(text, at, spans);
    }
    return end;
  }

  /**
   * A digit anchors numbers, and also what starts with letters just before it: letters glued to
   * it (an IBAN's country code, a NINO's prefix, a UK outward code) or one space before it (a
   * NINO's prefix, a US state, a street name). Looking back from the digit costs ordinary prose
   * nothing, where a trigger on every capital letter would stop the scan at each sentence.
   */
  private static int digit(String text, int i, Spans spans) {
    char before = i > 0 ? text.charAt(i - 1) : '\0';
    int end = -1;
    if (Chars.isAsciiLetter(before)) {
      end = Iban.scan(text, i, spans);
      if (end < 0) {
        end = NationalIds.nino(text, i, spans);
      }
      if (end < 0) {
        end = Postcodes.uk(text, i, spans);
      }
    } else {
      // Most numbers in prose are counts, versions and dates: the length of the run and the
      // characters around it rule them out before any detector is called.
      int run = i + 1;
      while (run < text.length() && run - i < 10 && Chars.isAsciiDigit(text.charAt(run))) {
        run++;
      }
      int digits = run - i;
      char after = charAt(text, run);
      if (digits == 9 || (digits == 3 && (after == '-' || Chars.isGroupSpace(after)))) {
        end = NationalIds.ssn(text, i, spans);
      }
      if (end < 0 && Chars.isGroupSpace(before)) {
        end = afterSpace(text, i, digits, spans);
      }
      if (end < 0 && before == '〒') {
        end = Postcodes.japanese(text, i, spans);
      }
      if (end < 0 && Addresses.mayStartHouseNumber(text, i, run)) {
        end = Addresses.numberFirst(text, i, spans);
      }
      if (end < 0) {
        return numbersThenNextGroup(text, i, run, spans);
      }
    }
    return end >= 0 ? end : Numbers.scan(text, i, spans);
  }

  /**
   * Runs the number rules on the run at {@code i}; when they find nothing and the next group
   * could be a house number, resumes there rather than past it, so that a count, a date or a
   * range before an address ("3 12 Baker Street") does not hide the address.
   */
  private static int numbersThenNextGroup(String text, int i, int run, Spans spans) {
    int found = spans.size();
    int end = Numbers.scan(text, i, spans);
    int space = run;
    while (space < end && space - i < 16 && !Chars.isGroupSpace(text.charAt(space))) {
      space++;
    }
    int next = space + 1;
    if (end > next && spans.size() == found && Chars.isGroupSpace(charAt(text, space))
        && Chars.isAsciiDigit(charAt(text, next))) {
      int nextRun = next;
      while (nextRun < text.length() && nextRun - next < 6
          && Chars.isAsciiDigit(text.charAt(nextRun))) {
        nextRun++;
      }
      if (Addresses.mayStartHouseNumber(text, next, nextRun)) {
        return next;
      }
    }
    return end;
  }

  /**
   * What a run of {@code digits} digits one space after a word may end: a NINO or a ZIP code
   * after two capitals, or a house number after its street.
   */
  private static int afterSpace(String text, int i, int digits, Spans spans) {
    if (i < 2) {
      return -1;
    }
    char last = text.charAt(i - 2);
    int end = -1;
    if (i >= 3 && isUpper(last) && isUpper(text.charAt(i - 3))) {
      if (digits == 2 || digits == 6) {
        end = NationalIds.nino(text, i, spans);
      } else if (digits == 5) {
        end = Postcodes.zip(text, i, spans);
      }
    }
    if (end < 0 && digits == 4 && isUpper(last) && isUpper(text.charAt(i - 3))) {
      end = Postcodes.australian(text, i, spans);
    }
    if (end < 0 && digits <= 7 && (last == 'x' || last == 'X')) {
      end = Addresses.poBox(text, i, spans);
    }
    if (end < 0 && digits <= 5 && (Character.isLetter(last) || last == '.' || last == ',')) {
      end = Addresses.numberAfterStreet(text, i, spans);
    }
    return end;
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static int colon(String text, int colon, Spans spans) {
    if (charAt(text, colon + 1) == '/' && charAt(text, colon + 2) == '/') {
      int end = Urls.withScheme(text, colon, spans);
      return end >= 0 ? end : colon + 3;
    }
    int end = LabelledValues.scan(text, colon, spans);
    return end >= 0 ? end : Ipv6.scan(text, colon, spans);
  }

  /** A cheap look at the character after an 'A' before the vendor-token pattern runs. */
  private static boolean mayStartToken(String text, int i) {
    char next = charAt(text, i + 1);
    return next == 'K' || next == 'S' || next == 'T' || next == 'I';
  }

  /**
   * Whether the '(' at {@code paren} opens a parenthesised area code such as {@code (020)}; any
   * other '(' before a digit is left to the digit, so that "(221B Baker Street)" is read from
   * its house number rather than skipped as a short run of digits.
   */
  private static boolean closesAreaCode(String text, int paren) {
    int i = paren + 1;
    while (i < text.length() && i - paren <= 5 && Chars.isAsciiDigit(text.charAt(i))) {
      i++;
    }
    return charAt(text, i) == ')';
  }

  private static boolean digitAt(String text, int i) {
    return Chars.isAsciiDigit(charAt(text, i));
  }

}
