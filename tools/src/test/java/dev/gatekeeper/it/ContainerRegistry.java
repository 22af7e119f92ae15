package dev.gatekeeper.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * {@link TestRegistry} as a container of the official {@code apicurio-registry-mem} image, the
 * same Apicurio distribution that {@link dev.gatekeeper.registry.RegistryProcess} runs, with its
 * default in-memory storage.
 */
final class ContainerRegistry implements TestRegistry {
  static final DockerImageName IMAGE = DockerImageName.parse("apicurio/apicurio-registry-mem:2.6.13.Final");
  private static final int PORT = 8080;

  private final GenericContainer<?> container;

  private ContainerRegistry(GenericContainer<?> container) {
    this.container = container;
  }

  static ContainerRegistry start() throws InterruptedException {
    Containers.assumeDocker();
    GenericContainer<?> container = new GenericContainer<>(IMAGE)
        .withExposedPorts(PORT)
        .waitingFor(Wait.forHttp("/health/ready").forPort(PORT).forStatusCode(200))
        .withStartupTimeout(Duration.ofMinutes(2));
    ContainerRegistry registry = new ContainerRegistry(container);
    try {
      container.start();
      registry.setGlobalCompatibility("BACKWARD");
    } catch (RuntimeException | InterruptedException e) {
      container.stop();
      throw e;
    }
    return registry;
  }

  /** As RegistryProcess does: Apicurio's default is NONE, Confluent's (and the readers') BACKWARD. */
  private void setGlobalCompatibility(String level) throws InterruptedException {
    HttpRequest put = HttpRequest.newBuilder(URI.create(url() + "/config"))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"" + level + "\"}"))
        .build();
    HttpResponse<String> response;
    try {
      response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(put, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("cannot set compatibility " + level + " on " + url() + ": " + e, e);
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "the registry answered " + response.statusCode() + " to setting compatibility " + level + ": " + response.body());
    }
  }

  @Override
  public URI url() {
    return URI.create("http://" + container.getHost() + ":" + container.getMappedPort(PORT) + "/apis/ccompat/v7");
  }

  @Override
  public boolean keepsSchemasAcrossRestarts() {
    return false;
  }

  @Override
  public void restart() {
    throw new UnsupportedOperationException(IMAGE + " keeps its schemas in memory; a restart loses them");
  }

  @Override
  public void close() {
    container.stop();
  }

  @Override
  public String toString() {
    return IMAGE + " container at " + url();
  }
}
