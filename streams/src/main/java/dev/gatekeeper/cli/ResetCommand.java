package dev.gatekeeper.cli;

import dev.gatekeeper.config.AppConfig;
import dev.gatekeeper.ops.Admins;
import dev.gatekeeper.ops.ClusterCheck;
import dev.gatekeeper.ops.Reprocessing;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gatekeeper reset}: reprocess every retained event from the start, safely. */
@Command(name = "reset", mixinStandardHelpOptions = true,
    description = {"Rewinds the data-event inputs so the next 'run' decides every retained event again.",
        "Keeps the state (the settings history and the contribution index): replayed events are decided",
        "against each org's current settings, so nothing they forbid is contributed, not even briefly.",
        "Refuses while any instance is running. Re-delivered events are decided afresh (POLICY.md)."})
final class ResetCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Override
  public Integer call() throws Exception {
    AppConfig config = options.load(false);
    Duration timeout = Duration.ofSeconds(15);
    try (Admin admin = Admins.create(config.clientProperties(), timeout)) {
      new ClusterCheck(admin, timeout).reachable(config.bootstrapServers());
      Map<TopicPartition, Long> rewound = new Reprocessing(admin, timeout).rewind(config.applicationId(), config.topics());
      rewoundByName(rewound).forEach((tp, offset) -> System.out.println("rewound " + tp + " to " + offset));
      System.out.println("start the gatekeeper ('gatekeeper run') to reprocess");
      return 0;
    } catch (Reprocessing.InstanceAlive e) {
      throw new UserError(e.getMessage());
    } catch (ClusterCheck.Unreachable e) {
      System.err.println("gatekeeper reset: " + e.getMessage());
      return RunCommand.UNREACHABLE;
    }
  }

  private static Map<String, Long> rewoundByName(Map<TopicPartition, Long> rewound) {
    Map<String, Long> out = new TreeMap<>();
    rewound.forEach((tp, o) -> out.put(tp.toString(), o));
    return out;
  }
}
