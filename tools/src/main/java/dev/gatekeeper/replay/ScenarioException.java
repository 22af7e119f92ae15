package dev.gatekeeper.replay;

/** A scenario file that is not in the replay format; names the line. */
public final class ScenarioException extends Exception {
  public ScenarioException(int line, String problem) {
    super("line " + line + ": " + problem);
  }
}
