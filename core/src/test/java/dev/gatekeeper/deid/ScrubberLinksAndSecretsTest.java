package dev.gatekeeper.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** URLs and secrets: positive and negative cases for each rule. */
class ScrubberLinksAndSecretsTest {
  private static final Scrubber SCRUBBER = Scrubber.standard();

  private static String scrub(String text) {
    return SCRUBBER.scrub(text, List.of());
  }

  /** Asserts that the text comes back untouched, as the very same instance. */
  private static void assertKept(String text) {
    assertThat(scrub(text)).isSameAs(text);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '§',
      value = {
        "see https://acme.atlassian.net/browse/ENG-1 => see [URL]",
        "see https://acme.atlassian.net/wiki/spaces/ENG/pages/1?focusedCommentId=5. => see [URL].",
        "(https://acme.jira.com/browse/X-1) => ([URL])",
        "[link|https://acme.atlassian.net/browse/ENG-1] => [link|[URL]]",
        "https://trello.com/b/AbCd1234/roadmap => [URL]",
        "https://bitbucket.org/acme/repo/pull-requests/7 => [URL]",
        "https://support.atlassian.com/contact => [URL]",
        "https://github.com/users/ada => [URL]",
        "https://example.com/people/557058:abc => [URL]",
        "https://wiki.example.org/~ada/notes => [URL]",
        "https://example.com/profile/ada?tab=1 => [URL]",
        "https://example.com/api?x=1&accountId=557058:abc => [URL]",
        "https://ada:hunter2@example.com/x => [URL]",
        "https://acme.atlassian.net/wiki/people/ada@example.com => [URL]",
        "open acme.atlassian.net/wiki/spaces/ENG today => open [URL] today",
        "site acme.atlassian.net. => site [URL].",
        "clone bitbucket.org/acme/repo => clone [URL]",
        "www.example.com/users/ada => [URL]",
      })
  void scrubsCustomerAndUserUrlsWhole(String text, String expected) {
    assertThat(scrub(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "read https://docs.python.org/3/library/re.html first",
        "see https://en.wikipedia.org/wiki/Luhn_algorithm.",
        "docs at www.example.com/guide and example.com/docs",
        "we moved our boards to Trello.com last year",
        "ftp://mirror.example.org/pub/file.tar.gz",
      })
  void keepsGenericUrls(String text) {
    assertKept(text);
  }

  @Test
  void stillScrubsInsideAUrlThatStays() {
    assertThat(scrub("https://example.com/contact?to=ada@example.com&phone=+44 20 7946 0958"))
        .isEqualTo("https://example.com/contact?to=[EMAIL]&phone=[PHONE]");
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '§',
      value = {
        "key AKIAIOSFODNN7EXAMPLE here => key [SECRET] here",
        "ASIAY34FZKBOKMUTVV7A => [SECRET]",
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY => "
            + "aws_secret_access_key = [SECRET]",
        "AWS secret access key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY => "
            + "AWS secret access key: [SECRET]",
        "Authorization: Bearer abc123.def456-ghi => Authorization: Bearer [SECRET]",
        "curl -H 'authorization: bearer 0123456789abcdef' => "
            + "curl -H 'authorization: bearer [SECRET]'",
        "token ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789 leaked => token [SECRET] leaked",
        "gho_16C7e42F292c6912E7710c838347Ae178B4a => [SECRET]",
        "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz => [SECRET]",
        "slack xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx => slack [SECRET]",
        "xoxp-123456789012-123456789012-123456789012-abcdef0123456789 => [SECRET]",
        "ATATT3xFfGF0T4JNjVYo2Yx9q8QvK1sL0mN3pR7tU5wZ_AbCdEf=0A1B2C3D => [SECRET]",
        "key=AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY => key=[SECRET]",
        "stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc => stripe [SECRET]",
        "password=hunter2 => password=[SECRET]",
        "passwd: s3cr3t! => passwd: [SECRET]",
        "{\"api_key\": \"abc123\", \"n\": 1} => {\"api_key\": \"[SECRET]\", \"n\": 1}",
        "apikey=abc123&user=x => apikey=[SECRET]&user=x",
        "access_key: AbC/123+xyz => access_key: [SECRET]",
        "client_secret=0a1b2c3d4e => client_secret=[SECRET]",
        "DB_PASSWORD='p@ss word' => DB_PASSWORD='[SECRET]'",
        "GITHUB_TOKEN: abc => GITHUB_TOKEN: [SECRET]",
        "Set-Cookie: session=abc123; HttpOnly => Set-Cookie: [SECRET]; HttpOnly",
        "Authorization: Basic dXNlcjpwYXNzd29yZA== => Authorization: Basic [SECRET]",
        "{\"accessToken\":\"abc.def\",\"expires_in\":3600} => "
            + "{\"accessToken\":\"[SECRET]\",\"expires_in\":3600}",
        "**Password:** Tr0ub4dor&3 => **Password:** [SECRET]",
        "https://x.example/cb?token=abc&next=1 => https://x.example/cb?token=[SECRET]&next=1",
      })
  void scrubsSecretsAndTokens(String text, String expected) {
    assertThat(scrub(text)).isEqualTo(expected);
  }

  @Test
  void scrubsJsonWebTokens() {
    String jwt =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
            + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
    assertThat(scrub("id_token=" + jwt + ".")).isEqualTo("id_token=[SECRET].");
    assertThat(scrub("see " + jwt + ".")).isEqualTo("see [SECRET].");
  }

  @Test
  void scrubsPemPrivateKeyBlocks() {
    String pem =
        "-----BEGIN RSA PRIVATE KEY-----\n"
            + "MIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi+44+20+202-555-0143+AKIA\n"
            + "q1w2e3r4t5y6u7i8o9p0==\n"
            + "-----END RSA PRIVATE KEY-----";
    assertThat(scrub("key:\n" + pem + "\nthanks")).isEqualTo("key:\n[SECRET]\nthanks");
    String cut = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n\nbye";
    assertThat(scrub(cut)).isEqualTo("[SECRET]\n\nbye");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "the bearer of bad news",
        "Bearer authentication is required",
        "tokens: 5 per request",
        "AKIA is the prefix of an access key id",
        "The secretary said the password reset flow works",
        "passwords must be long",
        "if (token == null || password != other) return;",
        "ASIA-PACIFIC region",
        "sk_live_ keys are secret",
        "Bearer $TOKEN and Bearer <token>",
        "the token count is 3",
      })
  void keepsWordsAboutSecrets(String text) {
    assertKept(text);
  }
}
