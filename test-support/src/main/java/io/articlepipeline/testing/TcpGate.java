package io.articlepipeline.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder in front of a real service that can be shut, so that connecting to it is
 * refused as if the service were down, and opened again on the same port: an outage of the real
 * service for one client without stopping it for the rest of the test run. (In this module's
 * test-jar, for the stages' integration tests.)
 */
public final class TcpGate implements AutoCloseable {

  private final String targetHost;
  private final int targetPort;
  private final int port;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private ServerSocket server;

  /** A gate in front of {@code target}'s host and port, open. */
  public TcpGate(URI target) {
    this.targetHost = target.getHost();
    this.targetPort = target.getPort();
    this.server = bind(0);
    this.port = server.getLocalPort();
    serve(server);
  }

  /** {@code url} with its host and port replaced by the gate's. */
  public String through(String url) {
    URI u = URI.create(url);
    return u.getScheme() + "://127.0.0.1:" + port + u.getRawPath();
  }

  /** Refuses new connections and cuts the open ones. */
  public synchronized void shut() {
    closeQuietly(server);
    server = null;
    sockets.forEach(TcpGate::closeQuietly);
    sockets.clear();
  }

  /** Accepts connections again, on the same port. */
  public synchronized void open() {
    if (server == null) {
      server = bind(port);
      serve(server);
    }
  }

  @Override
  public void close() {
    shut();
  }

  private static ServerSocket bind(int port) {
    try {
      ServerSocket s = new ServerSocket();
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + port, e);
    }
  }

  private void serve(ServerSocket listener) {
    daemon("gate-" + port, () -> {
      while (!listener.isClosed()) {
        try {
          Socket client = listener.accept();
          Socket upstream;
          try {
            upstream = new Socket(targetHost, targetPort);
          } catch (IOException e) {
            closeQuietly(client);
            continue;
          }
          sockets.add(client);
          sockets.add(upstream);
          daemon("gate-up", () -> pipe(client, upstream));
          daemon("gate-down", () -> pipe(upstream, client));
        } catch (IOException e) {
          // closed by shut()
        }
      }
    });
  }

  private void pipe(Socket from, Socket to) {
    byte[] buffer = new byte[16384];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // one side went away
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      sockets.remove(from);
      sockets.remove(to);
    }
  }

  private static void daemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      // already closed
    }
  }
}
