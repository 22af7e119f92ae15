package dev.gatekeeper.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatekeeper.testing.TestConfigs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conformance cases of {@code shared/spec/conformance} (read in place, never copied), each
 * replayed through the production topology and compared as that folder's {@code run.py} does:
 * per-event decisions in order, revocations as a multiset, the live set, and the dead-letter
 * count.
 */
class ConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> cases() throws IOException {
    Path dir = Path.of(System.getProperty("conformance.dir", "../../shared/spec/conformance"));
    assertThat(dir)
        .as("the conformance cases (set -Dconformance.dir to the folder holding NN-name.jsonl)")
        .isDirectory();
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
    }
    assertThat(files).as("conformance cases in " + dir).hasSizeGreaterThanOrEqualTo(40);
    return files.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decidesAsPolicyRequires(Path scenario) throws Exception {
    JsonNode expected =
        JSON.readTree(Path.of(scenario.toString().replace(".jsonl", ".expected.json")).toFile());
    List<JsonNode> out = replay(scenario);

    List<JsonNode> decisions =
        out.stream()
            .filter(r -> r.get("topic").asText().equals("contribution-decisions"))
            .map(r -> r.get("value"))
            .toList();
    assertThat(perEvent(decisions, false)).as("decisions in line order").isEqualTo(expectedDecisions(expected));
    assertThat(revocations(decisions)).as("revocations").containsExactlyInAnyOrderElementsOf(expectedRevocations(expected));
    assertThat(live(out, decisions)).as("live set").containsExactlyInAnyOrderElementsOf(texts(expected.get("live")));
    assertThat(out.stream().filter(r -> r.get("topic").asText().endsWith("dlq")).count())
        .as("dead letters")
        .isEqualTo(expected.get("deadLetters").size());
  }

  static List<JsonNode> replay(Path scenario) throws Exception {
    return replay(scenario, TestConfigs.gatekeeper());
  }

  static List<JsonNode> replay(Path scenario, dev.gatekeeper.topology.GatekeeperConfig config) throws Exception {
    StringWriter buffer = new StringWriter();
    try (BufferedReader in = Files.newBufferedReader(scenario, StandardCharsets.UTF_8);
        PrintWriter writer = new PrintWriter(buffer);
        ReplayRunner runner = new ReplayRunner(config, notice -> {})) {
      runner.run(in, writer);
    }
    List<JsonNode> lines = new ArrayList<>();
    for (String line : buffer.toString().split("\n")) {
      if (!line.isBlank()) {
        lines.add(JSON.readTree(line));
      }
    }
    return lines;
  }

  private static List<String> perEvent(List<JsonNode> decisions, boolean revoked) {
    return decisions.stream()
        .filter(d -> d.get("outcome").asText().equals("REVOKED") == revoked)
        .map(d -> d.get("eventId").asText() + "/" + d.get("outcome").asText() + "/" + d.get("reason").asText())
        .toList();
  }

  private static List<String> expectedDecisions(JsonNode expected) {
    List<String> out = new ArrayList<>();
    expected.get("decisions").forEach(d -> out.add(d.get("eventId").asText() + "/" + d.get("outcome").asText() + "/" + d.get("reason").asText()));
    return out;
  }

  private static List<String> revocations(List<JsonNode> decisions) {
    return decisions.stream()
        .filter(d -> d.get("outcome").asText().equals("REVOKED"))
        .map(d -> d.get("eventId").asText() + "/" + d.get("reason").asText())
        .toList();
  }

  private static List<String> expectedRevocations(JsonNode expected) {
    List<String> out = new ArrayList<>();
    expected.get("revocations").forEach(r -> out.add(r.get("eventId").asText() + "/" + r.get("reason").asText()));
    return out;
  }

  /** Event ids whose contribution is live after the last line, via the CONTRIBUTED decisions. */
  private static List<String> live(List<JsonNode> out, List<JsonNode> decisions) {
    Map<String, String> eventOf = new HashMap<>();
    for (JsonNode d : decisions) {
      if (d.get("outcome").asText().equals("CONTRIBUTED") && !d.get("contributionId").isNull()) {
        eventOf.put(d.get("contributionId").asText(), d.get("eventId").asText());
      }
    }
    Map<String, Boolean> last = new HashMap<>();
    for (JsonNode r : out) {
      if (r.get("topic").asText().equals("contributions")) {
        last.put(r.get("key").asText(), !r.get("value").isNull());
      }
    }
    List<String> live = new ArrayList<>();
    last.forEach((key, isLive) -> {
      if (isLive) {
        live.add(eventOf.getOrDefault(key, "?" + key));
      }
    });
    return live;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
