package dev.gatekeeper.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The passes of one kind (and wire format): the first one, cold, apart from the warm ones after it. */
final class KindFigures {
  private PassFigures cold;
  private final List<PassFigures> warm = new ArrayList<>();

  /** The first pass added is the cold one; every later one is warm. */
  void add(PassFigures pass) {
    if (cold == null) {
      cold = pass;
    } else {
      warm.add(pass);
    }
  }

  PassFigures cold() {
    return cold;
  }

  Spread warm(ToDoubleFunction<PassFigures> figure) {
    return Spread.of(warm.stream().map(figure::applyAsDouble).toList());
  }

  Spread warmRate() {
    return warm(PassFigures::eventsPerS);
  }

  Spread warmJvmCpu() {
    return warm(PassFigures::jvmCpuUsPerEvent);
  }

  Spread warmBrokerCpu() {
    return warm(PassFigures::brokerCpuUsPerEvent);
  }

  /** For the JSON line: the cold pass's figures, and the warm passes' spread of each. */
  Map<String, Object> toMap() {
    Map<String, Object> coldMap = new LinkedHashMap<>();
    coldMap.put("events_per_s", Math.round(cold.eventsPerS()));
    coldMap.put("jvm_cpu_us_per_event", BenchRun.round(cold.jvmCpuUsPerEvent(), 1));
    coldMap.put("broker_cpu_us_per_event", BenchRun.round(cold.brokerCpuUsPerEvent(), 1));
    Map<String, Object> warmMap = new LinkedHashMap<>();
    warmMap.put("events_per_s", warmRate().toMap(0));
    warmMap.put("jvm_cpu_us_per_event", warmJvmCpu().toMap(1));
    warmMap.put("broker_cpu_us_per_event", warmBrokerCpu().toMap(1));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cold", coldMap);
    m.put("warm", warmMap);
    return m;
  }
}
