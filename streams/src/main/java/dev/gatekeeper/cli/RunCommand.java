package dev.gatekeeper.cli;

import dev.gatekeeper.api.AdminApi;
import dev.gatekeeper.api.ServiceOrgStates;
import dev.gatekeeper.config.ApiSettings;
import dev.gatekeeper.config.AppConfig;
import dev.gatekeeper.ops.Admins;
import dev.gatekeeper.ops.ClusterCheck;
import dev.gatekeeper.ops.SchemaSubjects;
import dev.gatekeeper.policy.Policy;
import dev.gatekeeper.registry.RegistryClient;
import dev.gatekeeper.registry.RegistryException;
import dev.gatekeeper.registry.RegistryUnavailableException;
import dev.gatekeeper.runtime.GatekeeperService;
import dev.gatekeeper.runtime.HealthServer;
import dev.gatekeeper.topology.RevocationRules;
import dev.gatekeeper.topology.TopicCatalog;
import java.io.IOException;
import java.time.Clock;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gatekeeper run}: the service against a real cluster. Checks the cluster and topics
 * first and refuses to start on any problem; stops cleanly on SIGTERM. Exit codes: 0 after a
 * requested stop, 2 for configuration or topic problems (the message says what to fix), 3 when
 * the cluster cannot be reached, 1 when processing failed.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the gatekeeper against a Kafka cluster (exactly_once_v2, acks=all).",
      "Settings: defaults < --config FILE < GATEKEEPER_* environment < --set/flags."
    })
final class RunCommand implements Callable<Integer> {
  static final int UNREACHABLE = ExitCodes.UNREACHABLE;
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Mixin ConfigOptions options;

  @Option(names = "--print-config", description = "print the resolved settings (secrets redacted) and exit")
  boolean printConfig;

  @Option(names = "--check-timeout", paramLabel = "DURATION", defaultValue = "15s", description = "how long to wait for the cluster at start-up (default ${DEFAULT-VALUE})")
  String checkTimeout;

  @Override
  public Integer call() throws Exception {
    if (printConfig) {
      options.layered().describe().forEach(System.out::println);
      return 0;
    }
    AppConfig config = options.load(true);
    // One catalog for the checks and the service, so the service runs on the topics checked.
    TopicCatalog catalog = config.catalog();
    Duration timeout = dev.gatekeeper.config.Durations.parse(checkTimeout);
    try (Admin admin = Admins.create(config.clientProperties(), timeout)) {
      ClusterCheck check = new ClusterCheck(admin, timeout);
      check.reachable(config.bootstrapServers());
      List<String> problems = check.topicProblems(catalog);
      if (!problems.isEmpty()) {
        throw new UserError("the topics are not ready:\n  - " + String.join("\n  - ", problems));
      }
    } catch (ClusterCheck.Unreachable e) {
      System.err.println("gatekeeper run: " + e.getMessage());
      return UNREACHABLE;
    }
    if (config.wire().registry().isPresent()) {
      try {
        prepareSubjects(config, catalog);
      } catch (RegistryUnavailableException e) {
        System.err.println("gatekeeper run: cannot reach the schema registry at " + config.wire().registry().get().url()
            + " (" + e.getMessage() + "); check schema.registry.url and that the registry is up (./gatekeeper registry starts one)");
        return UNREACHABLE;
      }
    }
    return serve(config, catalog);
  }

  /** Registers (or checks) the output schemas: a registry that refuses them stops the start. */
  private static void prepareSubjects(AppConfig config, TopicCatalog catalog) {
    RegistryClient client = new RegistryClient(config.wire().registry().orElseThrow());
    try {
      List<SchemaSubjects.Prepared> prepared = new SchemaSubjects(client, config.wire().autoRegister()).prepare(catalog);
      LOG.info("Schema registry ready: {} output subjects {} ({} format)", prepared.size(),
          config.wire().autoRegister() ? "registered, compatibility BACKWARD" : "checked", catalog.serdes().format().setting());
    } catch (IllegalStateException e) {
      throw new UserError("the schema registry is not ready for the gatekeeper:\n  - " + e.getMessage());
    } catch (RegistryUnavailableException e) {
      throw e;
    } catch (RegistryException e) {
      throw new UserError("the schema registry at " + config.wire().registry().get().url() + " refused a request (" + e.getMessage()
          + "); check schema.registry.url and, if it needs them, schema.registry.basic.auth.*");
    }
  }

  /** The admin API, answering from this instance's stores; null when api.port is 0. */
  private static AdminApi startApi(AppConfig config, GatekeeperService service) {
    ApiSettings settings = config.api();
    if (!settings.enabled()) {
      return null;
    }
    RevocationRules rules = new RevocationRules(new Policy(config.gatekeeper().policy()), config.routing().placement());
    try {
      return AdminApi.start(settings, new ServiceOrgStates(service, settings.advertised()), rules, Clock.systemUTC());
    } catch (IOException e) {
      service.close();
      throw new UserError("the admin API cannot listen on " + settings.bind() + ":" + settings.port() + " ("
          + e.getClass().getSimpleName() + "); set api.port to a free port (0 turns the API off) or api.bind to an address of this host");
    }
  }

  private static int serve(AppConfig config, TopicCatalog catalog) throws Exception {
    GatekeeperService service = new GatekeeperService(config, catalog);
    AdminApi api = startApi(config, service);
    HealthServer health = config.healthPort() == 0
        ? null
        : HealthServer.start(InetAddress.getByName(config.healthHost()), config.healthPort(), service::state, service::scrape);
    Thread hook = new Thread(() -> {
      LOG.info("Stopping on request");
      service.close();
    }, "gatekeeper-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    service.start();
    LOG.info("Gatekeeper started: application.id={}, health and metrics on {}, admin API on {}", config.applicationId(),
        health == null ? "(disabled)" : config.healthHost() + ":" + health.port(),
        api == null ? "(disabled)" : config.api().bind() + ":" + api.port() + " as " + api.self()
            + (config.api().token().isPresent() ? " (bearer token required)" : " (loopback, no token)"));
    Throwable failure;
    try {
      failure = service.awaitStop();
    } finally {
      if (health != null) {
        health.close();
      }
      if (api != null) {
        api.close();
      }
    }
    if (failure != null) {
      System.err.println("gatekeeper run: processing failed (" + failure.getClass().getName()
          + "); fix the cause in the log above and start again: processing resumes from the last commit");
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException alreadyStopping) {
        // the JVM is already shutting down; the hook closes the client
      }
      service.close();
      return ErrorHandler.INTERNAL_ERROR;
    }
    return 0;
  }
}
