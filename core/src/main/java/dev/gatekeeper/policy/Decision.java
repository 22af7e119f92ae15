package dev.gatekeeper.policy;

/**
 * The policy's answer for one event.
 *
 * @param settingsVersion time of the settings version whose rule decided, or null when none did
 */
public record Decision(Reason reason, Long settingsVersion) {

  public boolean contributed() {
    return reason == Reason.CONTRIBUTED;
  }
}
