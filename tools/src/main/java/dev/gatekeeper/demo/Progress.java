package dev.gatekeeper.demo;

import java.io.PrintStream;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints the demo's progress every few seconds and its final summary. */
final class Progress {
  private static final long EVERY_NANOS = 5_000_000_000L;

  private final PrintStream out;
  private final long start = System.nanoTime();
  private long lastPrint = start;
  private long lastDecisions;

  Progress(PrintStream out) {
    this.out = out;
  }

  void maybePrint(OutputMonitor.Snapshot s, long sent) {
    long now = System.nanoTime();
    if (now - lastPrint < EVERY_NANOS) {
      return;
    }
    long events = s.contributed() + s.dropped();
    double rate = (events - lastDecisions) / ((now - lastPrint) / 1e9);
    out.printf("[%4.0fs] sent %,d events, decided %,d (%,.0f/s): contributed %,d, dropped %,d, revoked %,d, live %,d, dead letters %,d%n",
        (now - start) / 1e9, sent, events, rate, s.contributed(), s.dropped(), s.revoked(), s.live(), s.deadLetters());
    lastPrint = now;
    lastDecisions = events;
  }

  void summary(OutputMonitor.Snapshot s, long eventsSent, long settingsSent, long garbageSent) {
    double secs = (System.nanoTime() - start) / 1e9;
    long events = s.contributed() + s.dropped();
    out.println();
    out.println("== demo summary ==");
    out.printf("sent       %,d events, %,d settings records, %,d garbage records in %.0f s%n", eventsSent, settingsSent, garbageSent, secs);
    out.printf("decided    %,d events (%,.0f events/s), %s%n", events, events / secs, events == eventsSent ? "all of them" : "NOT ALL: " + (eventsSent - events) + " missing");
    out.printf("contributed %,d; live now %,d; revoked %,d; dead letters %,d%n", s.contributed(), s.live(), s.revoked(), s.deadLetters());
    out.printf("aggregates %,d buckets published (the smallest counts %,d distinct orgs); %,d revocation receipts%n",
        s.bucketsPublished(), s.smallestPublishedBucket(), s.receipts());
    out.println("by reason:");
    Map<String, Long> sorted = s.byReason().entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.LinkedHashMap::new));
    sorted.forEach((reason, n) -> out.printf("  %-32s %,d%n", reason, n));
  }
}
