package dev.gatekeeper.cli;

import dev.gatekeeper.config.AppConfig;
import dev.gatekeeper.ops.Admins;
import dev.gatekeeper.ops.ClusterCheck;
import dev.gatekeeper.ops.TopicCreator;
import dev.gatekeeper.topology.TopicCatalog;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gatekeeper topics create}: CONTRACT.md's topics with the right configurations. */
@Command(name = "topics", mixinStandardHelpOptions = true, description = "Manages the gatekeeper's topics.",
    subcommands = {TopicsCommand.Create.class})
final class TopicsCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a subcommand: create");
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Creates the topics (compacted settings and contributions; retained events, decisions, dead letters). Existing topics are left as they are, then checked.")
  static final class Create implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Option(names = "--partitions", defaultValue = "4", description = "partitions of every topic (default ${DEFAULT-VALUE}); events and settings must match")
    int partitions;

    @Option(names = "--replication-factor", defaultValue = "1", description = "replicas of every topic (default ${DEFAULT-VALUE}: a development broker)")
    short replicationFactor;

    @Override
    public Integer call() {
      if (partitions < 1 || replicationFactor < 1) {
        throw new UserError("--partitions and --replication-factor must be at least 1");
      }
      AppConfig config = options.load(false);
      TopicCatalog catalog = config.catalog();
      Duration timeout = Duration.ofSeconds(15);
      try (Admin admin = Admins.create(config.clientProperties(), timeout)) {
        ClusterCheck check = new ClusterCheck(admin, timeout);
        check.reachable(config.bootstrapServers());
        int failed = 0;
        boolean createdAny = false;
        for (TopicCreator.Result r : new TopicCreator(admin, timeout).create(catalog.all(), partitions, replicationFactor)) {
          if (r.problem() != null) {
            failed++;
            System.err.println("failed  " + r.topic() + ": " + r.problem());
          } else {
            createdAny |= r.created();
            System.out.println((r.created() ? "created " : "exists  ") + r.topic());
          }
        }
        List<String> problems = settledProblems(check, catalog, createdAny, timeout);
        problems.forEach(p -> System.err.println("problem " + p));
        return failed == 0 && problems.isEmpty() ? 0 : ErrorHandler.USER_ERROR;
      } catch (ClusterCheck.Unreachable e) {
        System.err.println("gatekeeper topics create: " + e.getMessage());
        return RunCommand.UNREACHABLE;
      }
    }

    /**
     * The topics' problems once the cluster has settled: a topic created a moment ago may not
     * yet be described by the broker that answers (it reports it missing), so a check right
     * after a creation is repeated, briefly, until it passes or the time-out ends; what remains
     * then is real.
     */
    private static List<String> settledProblems(ClusterCheck check, TopicCatalog catalog, boolean createdAny, Duration timeout)
        throws ClusterCheck.Unreachable {
      List<String> problems = check.topicProblems(catalog);
      long deadline = System.nanoTime() + timeout.toNanos();
      long pauseMillis = 50;
      while (createdAny && !problems.isEmpty() && System.nanoTime() < deadline) {
        try {
          Thread.sleep(pauseMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        pauseMillis = Math.min(pauseMillis * 2, 1_000);
        problems = check.topicProblems(catalog);
      }
      return problems;
    }
  }
}
