package dev.gatekeeper.deid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeidentifierTest {
  @Test
  void replacesTheActorsOwnIdentifiersInAnyCase() {
    assertThat(Deidentifier.replaceLiteral("ask ACC-77x or acc-77x now", "acc-77X", Placeholder.MENTION))
        .isEqualTo("ask [MENTION] or [MENTION] now");
  }

  @Test
  void leavesTextWithoutTheIdentifierAsTheSameInstance() {
    String text = "nothing to see here";
    assertThat(Deidentifier.replaceLiteral(text, "acc-77x", Placeholder.MENTION)).isSameAs(text);
    assertThat(Deidentifier.replaceLiteral(text, "se", Placeholder.MENTION)).as("too short to replace").isSameAs(text);
  }
}
