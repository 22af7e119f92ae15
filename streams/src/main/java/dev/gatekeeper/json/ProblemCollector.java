package dev.gatekeeper.json;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of a plain-JSON value while {@link Converter#check} walks it, each with
 * its full path: the segments entered so far, then the failure's own. Used once, by one thread.
 */
final class ProblemCollector {
  private final List<String> path = new ArrayList<>();
  private final List<PlainJsonException> problems = new ArrayList<>();

  /** Descends into a record field ({@code name}) or an array element ({@code [i]}). */
  void enter(String segment) {
    path.add(segment);
  }

  void leave() {
    path.remove(path.size() - 1);
  }

  void add(ConversionFailure failure) {
    problems.add(failure.toException(path));
  }

  List<PlainJsonException> problems() {
    return List.copyOf(problems);
  }
}
