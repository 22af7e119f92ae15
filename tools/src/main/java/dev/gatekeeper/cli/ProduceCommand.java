package dev.gatekeeper.cli;

import dev.gatekeeper.config.AppConfig;
import dev.gatekeeper.io.JsonLinesProducer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatekeeper produce [--topic T] FILE.jsonl}: JSON lines in, Avro records out. */
@Command(name = "produce", mixinStandardHelpOptions = true,
    description = {"Sends JSON lines in the replay format to Kafka as Avro records (idempotent, acks=all).",
        "Each line goes to its own \"topic\" unless --topic is given. FILE '-' reads standard input."})
final class ProduceCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--topic", paramLabel = "TOPIC", description = "send every line to this topic")
  String topic;

  @Parameters(index = "0", paramLabel = "FILE", description = "JSON lines, or - for standard input")
  String file;

  @Override
  public Integer call() throws Exception {
    AppConfig config = options.load(false);
    try (BufferedReader in = open();
        JsonLinesProducer producer = new JsonLinesProducer(config.clientProperties(), config.catalog())) {
      long sent = producer.send(in, topic);
      System.err.println("produced " + sent + " records");
      return 0;
    } catch (JsonLinesProducer.BadLine e) {
      throw new UserError(file + ": " + e.getMessage() + " (lines before it were sent)");
    }
  }

  private BufferedReader open() throws java.io.IOException {
    if (file.equals("-")) {
      return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }
    try {
      return Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UserError(file + ": no such file");
    }
  }
}
