package dev.gatekeeper.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Free TCP ports on the loopback address {@value #HOST}.
 *
 * <p>A port reported free can be taken by another process before the broker binds it; callers
 * that must be certain rely on the broker failing to start, not on this check.
 */
public final class FreePorts {
  /** The only address the development broker binds: it is never reachable from other hosts. */
  public static final String HOST = "127.0.0.1";

  private FreePorts() {}

  /** {@code count} distinct ports that were free a moment ago. */
  public static List<Integer> pick(int count) {
    // Keep every socket open until all are chosen, so the kernel cannot hand out one port twice.
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket();
        sockets.add(socket);
        socket.bind(new InetSocketAddress(loopback(), 0));
      }
      return sockets.stream().map(ServerSocket::getLocalPort).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + HOST, e);
    } finally {
      sockets.forEach(FreePorts::closeQuietly);
    }
  }

  /** Whether a server socket could bind {@code port} on {@value #HOST} right now. */
  public static boolean isFree(int port) {
    // ServerSocket sets SO_REUSEADDR on Linux, as the broker's acceptor does, so a port whose
    // old connections linger in TIME_WAIT counts as free, as it is for the broker.
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(loopback(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static InetAddress loopback() throws IOException {
    return InetAddress.getByName(HOST);
  }

  private static void closeQuietly(ServerSocket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing a listening socket that never accepted anything cannot lose data.
    }
  }
}
