package io.articlepipeline.web.auth;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tokens of each role, kept only as SHA-256 digests (a token is never stored, logged or
 * echoed), and the constant-time question "which role does this token have?".
 *
 * <p>Sources: a credentials file ({@code <role>.token=...}) that is read again whenever its
 * modification time, size or inode changes (rotation without a restart; while it cannot be read,
 * the tokens read last stay in force), and fixed tokens from the configuration for roles the file
 * does not name. A file readable by group or others is
 * still used, with a warning naming the file and the fix ({@code chmod 600}).
 */
public final class Credentials {

  private static final Logger log = LoggerFactory.getLogger(Credentials.class);
  private static final String SUFFIX = ".token";
  static final Set<PosixFilePermission> TOO_OPEN = EnumSet.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

  private final Path file;
  private final Map<String, byte[]> fixed;
  private volatile Snapshot snapshot;

  /** Digests per role and the file state they were read from. */
  private record Snapshot(Object stamp, Map<String, byte[]> digests) {
  }

  public Credentials(Path file, Map<String, String> tokens) {
    this.file = file;
    Map<String, byte[]> digests = new LinkedHashMap<>();
    if (tokens != null) {
      tokens.forEach((role, token) -> {
        if (token != null && !token.isBlank()) {
          digests.put(role, digest(token.strip()));
        }
      });
    }
    this.fixed = Map.copyOf(digests);
    this.snapshot = new Snapshot(null, fixed);
    if (file != null && !Files.isReadable(file)) {
      log.warn("Credentials file {} does not exist or cannot be read; only the configured tokens are in force", file);
    }
    refresh();
  }

  /** Whether a token for this role is configured (in the file or the settings). */
  public boolean hasRole(String role) {
    return current().containsKey(role);
  }

  /** The role the given token belongs to, or {@code null}; compares digests in constant time, every role each time. */
  public String roleOf(String token) {
    if (token == null || token.isEmpty()) {
      return null;
    }
    byte[] given = digest(token);
    String found = null;
    for (Map.Entry<String, byte[]> e : current().entrySet()) {
      // no early exit: the time taken does not say which role, if any, matched
      if (MessageDigest.isEqual(e.getValue(), given) && found == null) {
        found = e.getKey();
      }
    }
    return found;
  }

  /** The digests now in force, the file read again first if it changed. */
  Map<String, byte[]> current() {
    refresh();
    return snapshot.digests();
  }

  private void refresh() {
    if (file == null) {
      return;
    }
    Object stamp = stamp(file);
    Snapshot seen = snapshot;
    if (Objects.equals(stamp, seen.stamp())) {
      return;
    }
    synchronized (this) {
      if (Objects.equals(stamp, snapshot.stamp())) {
        return;
      }
      Map<String, byte[]> digests = new LinkedHashMap<>(fixed);
      if (stamp != null) {
        warnIfOpen(file);
        Map<String, String> tokens;
        try {
          tokens = readTokens(file);
        } catch (IOException e) {
          log.warn("Credentials file {} could not be read ({}); keeping the tokens in force", file,
              e.getClass().getSimpleName());
          return;
        }
        tokens.forEach((role, token) -> digests.put(role, digest(token)));
        if (seen.stamp() != null) {
          log.info("Credentials file {} changed: tokens of roles {} now in force", file, digests.keySet());
        }
      } else {
        // gone (or being replaced): the tokens read last stay in force until it is back
        log.warn("Credentials file {} cannot be read any more; the tokens read last stay in force", file);
        snapshot = new Snapshot(null, seen.digests());
        return;
      }
      snapshot = new Snapshot(stamp, Map.copyOf(digests));
    }
  }

  /**
   * The tokens a credentials file holds, by role: each {@code <role>.token=...} line with a value,
   * stripped. For a service that sends a token itself (the ops console calling the enrich
   * service); the filter keeps only their digests.
   */
  public static Map<String, String> readTokens(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    Map<String, String> tokens = new LinkedHashMap<>();
    for (String key : p.stringPropertyNames()) {
      String value = p.getProperty(key).strip();
      if (key.endsWith(SUFFIX) && !value.isEmpty()) {
        tokens.put(key.substring(0, key.length() - SUFFIX.length()), value);
      }
    }
    return tokens;
  }

  /** What changes when the file is rewritten or replaced; {@code null} if there is no file. */
  private static Object stamp(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return java.util.List.of(a.lastModifiedTime(), a.size(), String.valueOf(a.fileKey()));
    } catch (IOException e) {
      return null;
    }
  }

  /** Logs a warning when the file is readable or writable by group or others. */
  static boolean warnIfOpen(Path file) {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
      Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
      open.addAll(perms);
      open.retainAll(TOO_OPEN);
      if (!open.isEmpty()) {
        log.warn("Credentials file {} is accessible to group or others ({}); it holds tokens: chmod 600 {}",
            file, java.nio.file.attribute.PosixFilePermissions.toString(perms), file);
        return true;
      }
    } catch (UnsupportedOperationException | IOException e) {
      // not a POSIX file system: nothing to check
    }
    return false;
  }

  static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "Credentials[file=" + file + ", roles=" + snapshot.digests().keySet() + "]";
  }
}
