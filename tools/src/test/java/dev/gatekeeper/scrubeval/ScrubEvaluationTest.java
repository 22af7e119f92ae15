package dev.gatekeeper.scrubeval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatekeeper.deid.Scrubber;
import dev.gatekeeper.scrubeval.ScrubEvaluation.Half;
import dev.gatekeeper.scrubeval.ScrubEvaluation.Result;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scrubber's floors on the held-out half of the labelled corpus (README "What is removed"):
 * person names recall ≥ 0.95, every other identifier type ≥ 0.99, ordinary words kept ≥ 0.97.
 * The held-out half is never tuned on; {@code ./gatekeeper scrub-eval} prints the same figures.
 */
class ScrubEvaluationTest {
  private static final ScrubEvaluation EVALUATION = new ScrubEvaluation(Scrubber.standard());

  @Test
  void heldOutHalfMeetsEveryFloor() {
    Result r = EVALUATION.evaluate(Half.HELDOUT.sentences());

    assertThat(r.recall("NAME")).as("person names recall").isGreaterThanOrEqualTo(ScrubEvaluation.NAME_RECALL_FLOOR);
    for (Map.Entry<String, ScrubEvaluation.TypeCounts> e : r.byType().entrySet()) {
      if (!e.getKey().equals("NAME")) {
        assertThat(e.getValue().recall()).as(e.getKey() + " recall").isGreaterThanOrEqualTo(ScrubEvaluation.OTHER_RECALL_FLOOR);
      }
    }
    assertThat(r.wordsKept()).as("ordinary words kept").isGreaterThanOrEqualTo(ScrubEvaluation.WORDS_KEPT_FLOOR);
    assertThat(r.meetsFloors()).isTrue();
  }

  @Test
  void corpusHasTheSizeTheEvaluationNeeds() {
    int withNames = 0;
    int withoutLabels = 0;
    for (Half half : Half.values()) {
      for (LabelledSentence s : half.sentences()) {
        if (s.labels().stream().anyMatch(l -> l.type().equals("NAME"))) {
          withNames++;
        } else if (s.labels().isEmpty()) {
          withoutLabels++;
        }
      }
    }
    assertThat(withNames).isGreaterThanOrEqualTo(400);
    assertThat(withoutLabels).isGreaterThanOrEqualTo(200);
  }

  @Test
  void countsARemovedLabelOnlyWhenItsTypeIsRight() {
    Result r = EVALUATION.evaluate(List.of(
        LabelledSentence.parse("Call [[NAME:Beatriz Okonjo-Ferreira]] on [[PHONE:+1 415 555 0177]]"),
        LabelledSentence.parse("Mail [[PHONE:ada@example.com]] today"),
        LabelledSentence.parse("Mark as done before the May release")));

    assertThat(r.recall("NAME")).isEqualTo(1.0);
    assertThat(r.byType().get("PHONE").recall()).isEqualTo(0.5);
    assertThat(r.byType().get("PHONE").removedAnyType()).isEqualTo(1.0);
    assertThat(r.wordsKept()).isEqualTo(1.0);
  }

  @Test
  void parsesMarkupAndRefusesMalformedLabelsWithoutQuotingThem() {
    LabelledSentence s = LabelledSentence.parse("Hi [[NAME:Ama Owusu]], ship to [[ADDRESS:12 Elm Street]]");
    assertThat(s.text()).isEqualTo("Hi Ama Owusu, ship to 12 Elm Street");
    assertThat(s.labels()).extracting(LabelledSentence.Label::type).containsExactly("NAME", "ADDRESS");

    assertThatThrownBy(() -> LabelledSentence.parse("Hi [[NAME:Ama Owusu, bye"))
        .hasMessageContaining("column 4").hasMessageNotContaining("Owusu");
    assertThatThrownBy(() -> LabelledSentence.parse("Hi [[PERSON:Ama Owusu]]"))
        .hasMessageContaining("unknown label type").hasMessageNotContaining("Owusu");
  }
}
