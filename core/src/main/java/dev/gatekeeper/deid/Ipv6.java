package dev.gatekeeper.deid;

/** Finds IPv6 addresses, full or compressed, around a ':'. */
final class Ipv6 {
  /** The longest textual IPv6 address, with an embedded IPv4 tail. */
  private static final int MAX_LENGTH = 45;

  private Ipv6() {}

  /**
   * Records the IPv6 address that contains the ':' at {@code colon}, if any. Times such as
   * {@code 10:30:15} are not addresses (three groups and no "::"); to keep "A::B" and
   * {@code std::vector}-like text, an address must contain a decimal digit and must not touch a
   * word character on either side.
   *
   * @return the index just after the address, or -1 when there is none
   */
  static int scan(String text, int colon, Spans out) {
    int n = text.length();
    int start = colon;
    while (start > 0 && colon - start < MAX_LENGTH && isAddressChar(text.charAt(start - 1))) {
      start--;
    }
    int end = colon + 1;
    while (end < n && end - start < MAX_LENGTH && isAddressTailChar(text.charAt(end))) {
      end++;
    }
    while (end > colon + 1 && text.charAt(end - 1) == '.') {
      end--;
    }
    if (end - 1 > colon && text.charAt(end - 1) == ':' && text.charAt(end - 2) != ':') {
      end--;
    }
    if (Chars.wordCharBefore(text, start) || Chars.wordCharAt(text, end)) {
      return -1;
    }
    if (start > 0 && text.charAt(start - 1) == '.') {
      return -1;
    }
    if (!isValid(text, start, end)) {
      return -1;
    }
    out.add(start, end, Placeholder.IP);
    return end;
  }

  /** Whether {@code text[start, end)} is a textual IPv6 address with at least one decimal digit. */
  static boolean isValid(String text, int start, int end) {
    int groups = 0;
    boolean compressed = false;
    boolean decimal = false;
    int i = start;
    if (end - start >= 2 && text.charAt(i) == ':' && text.charAt(i + 1) == ':') {
      compressed = true;
      i += 2;
    } else if (i < end && text.charAt(i) == ':') {
      return false;
    }
    while (i < end) {
      int groupStart = i;
      while (i < end && Chars.isHexDigit(text.charAt(i))) {
        decimal |= Chars.isAsciiDigit(text.charAt(i));
        i++;
      }
      int len = i - groupStart;
      if (i < end && text.charAt(i) == '.') {
        // An embedded IPv4 tail ends the address and counts as two groups.
        if (!isIpv4(text, groupStart, end)) {
          return false;
        }
        groups += 2;
        decimal = true;
        i = end;
        break;
      }
      if (len == 0 || len > 4) {
        return false;
      }
      groups++;
      if (i == end) {
        break;
      }
      i++;
      if (i < end && text.charAt(i) == ':') {
        if (compressed) {
          return false;
        }
        compressed = true;
        i++;
      } else if (i == end) {
        return false;
      }
    }
    if (!decimal) {
      return false;
    }
    return compressed ? groups <= 7 : groups == 8;
  }

  private static boolean isIpv4(String text, int start, int end) {
    int parts = 0;
    int i = start;
    while (i <= end && parts < 4) {
      int partStart = i;
      int value = 0;
      while (i < end && Chars.isAsciiDigit(text.charAt(i)) && i - partStart < 3) {
        value = value * 10 + (text.charAt(i) - '0');
        i++;
      }
      if (i == partStart || value > 255) {
        return false;
      }
      parts++;
      if (i == end) {
        break;
      }
      if (text.charAt(i) != '.') {
        return false;
      }
      i++;
    }
    return parts == 4 && i == end;
  }

  private static boolean isAddressChar(char c) {
    return Chars.isHexDigit(c) || c == ':';
  }

  private static boolean isAddressTailChar(char c) {
    return Chars.isHexDigit(c) || c == ':' || c == '.';
  }
}
