package io.articlepipeline.e2e.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as the test writes it: a client library would refuse
 * to send most of what a fuzz test must (invalid bytes in a request line, a wrong Content-Length,
 * ten thousand headers, a body sent one byte a second).
 */
final class RawHttp {

  /** What came back: the status (0 if none), headers in lower case, the body, and how long it took. */
  record Reply(int status, Map<String, String> headers, byte[] body, long millis, String failure) {

    String contentType() {
      return headers.getOrDefault("content-type", "");
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** How the request goes out. */
  enum Delivery {
    /** All at once, then the response is read. */
    WHOLE,
    /** All at once, then the client half-closes its side (shutdownOutput) before reading. */
    HALF_CLOSED,
    /** In small pieces with pauses: a slow client. */
    SLOW
  }

  private final String host;
  private final int port;
  private final int readTimeoutMillis;

  RawHttp(String baseUrl, int readTimeoutMillis) {
    URI uri = URI.create(baseUrl);
    this.host = uri.getHost();
    this.port = uri.getPort() > 0 ? uri.getPort() : 80;
    this.readTimeoutMillis = readTimeoutMillis;
  }

  String hostHeader() {
    return host + ":" + port;
  }

  Reply exchange(byte[] request, Delivery delivery) {
    long started = System.nanoTime();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 5_000);
      socket.setSoTimeout(readTimeoutMillis);
      OutputStream out = socket.getOutputStream();
      String writeFailure = null;
      try {
        if (delivery == Delivery.SLOW) {
          for (int i = 0; i < request.length; i += 64) {
            out.write(request, i, Math.min(64, request.length - i));
            out.flush();
            Thread.sleep(10);
          }
        } else {
          out.write(request);
          out.flush();
        }
        if (delivery == Delivery.HALF_CLOSED) {
          socket.shutdownOutput();
        }
      } catch (IOException e) {
        // the server may answer (413, 400) and close before the whole body is sent: read its answer
        writeFailure = e.toString();
      }
      Reply reply = read(socket.getInputStream(), started);
      if (reply.status() == 0 && writeFailure != null) {
        // what did arrive is kept: a server that refused the request (a 4xx) after reading part
        // of it and closed makes the rest of the write fail, and the reset can cut its answer
        return new Reply(0, Map.of(), reply.body(), reply.millis(), "write failed: " + writeFailure
            + "; then " + reply.failure());
      }
      return reply;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Reply(0, Map.of(), new byte[0], elapsed(started), "interrupted");
    } catch (IOException e) {
      return new Reply(0, Map.of(), new byte[0], elapsed(started), e.toString());
    }
  }

  private Reply read(InputStream in, long started) {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      int headerEnd = -1;
      while (headerEnd < 0) {
        int n = in.read(buffer);
        if (n < 0) {
          break;
        }
        raw.write(buffer, 0, n);
        headerEnd = indexOf(raw.toByteArray(), "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      }
      byte[] all = raw.toByteArray();
      if (headerEnd < 0) {
        return new Reply(0, Map.of(), all, elapsed(started),
            all.length == 0 ? "connection closed without an answer" : "incomplete response head");
      }
      String head = new String(all, 0, headerEnd, StandardCharsets.ISO_8859_1);
      String[] lines = head.split("\r\n");
      String[] statusLine = lines[0].split(" ", 3);
      int status = statusLine.length >= 2 ? Integer.parseInt(statusLine[1]) : 0;
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.write(all, headerEnd + 4, all.length - headerEnd - 4);
      String length = headers.get("content-length");
      boolean chunked = headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked");
      if (length != null) {
        long want = Long.parseLong(length);
        while (body.size() < want) {
          int n = in.read(buffer);
          if (n < 0) {
            break;
          }
          body.write(buffer, 0, n);
        }
      } else if (chunked) {
        while (!chunkedComplete(body.toByteArray())) {
          int n = in.read(buffer);
          if (n < 0) {
            break;
          }
          body.write(buffer, 0, n);
        }
      } else {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          body.write(buffer, 0, n);
        }
      }
      byte[] content = chunked ? dechunk(body.toByteArray()) : body.toByteArray();
      return new Reply(status, headers, content, elapsed(started), null);
    } catch (SocketTimeoutException e) {
      return new Reply(0, Map.of(), raw.toByteArray(), elapsed(started), "no answer within " + readTimeoutMillis + " ms");
    } catch (IOException | RuntimeException e) {
      return new Reply(0, Map.of(), raw.toByteArray(), elapsed(started), e.toString());
    }
  }

  private static boolean chunkedComplete(byte[] body) {
    return indexOf(body, "0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)) >= 0;
  }

  private static byte[] dechunk(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (at < body.length) {
      int eol = indexOf(body, at, "\r\n".getBytes(StandardCharsets.ISO_8859_1));
      if (eol < 0) {
        break;
      }
      String size = new String(body, at, eol - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
      int n = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
      if (n == 0) {
        break;
      }
      out.write(body, eol + 2, Math.min(n, body.length - eol - 2));
      at = eol + 2 + n + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    return indexOf(data, 0, pattern);
  }

  private static int indexOf(byte[] data, int from, byte[] pattern) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static long elapsed(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
