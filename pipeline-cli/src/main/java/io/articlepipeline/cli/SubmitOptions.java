package io.articlepipeline.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code submit} was asked to do.
 *
 * @param paths           files and directories to submit
 * @param waitSearchable  whether to wait until the accepted articles are searchable
 * @param concurrency     batch requests in flight at once
 * @param batchSize       articles per batch request (the service takes at most 1,000)
 * @param maxRequestBytes NDJSON bytes per batch request (the service takes at most 16 MiB)
 * @param ingestUrl       the ingest service, e.g. {@code http://127.0.0.1:8080}
 * @param token           the submit token
 * @param readerUrl       the readers' page, for "searchable at" links; null for none
 * @param waitTimeout     how long to wait for searchability
 * @param progress        how to show progress
 * @param maxTries        requests for the same lines before giving up on them
 */
public record SubmitOptions(List<Path> paths, boolean waitSearchable, int concurrency, int batchSize,
                            long maxRequestBytes, String ingestUrl, String token, String readerUrl,
                            Duration waitTimeout, ProgressMode progress, int maxTries) {

  /** The service's own limit per batch request. */
  public static final int MAX_BATCH_SIZE = 1000;
  /** Half the service's 16 MiB, so a chunk of unusually long lines stays well inside it. */
  public static final long DEFAULT_MAX_REQUEST_BYTES = 8L * 1024 * 1024;

  /** The usage text for {@code submit}. */
  public static final String USAGE = """
      usage: pipeline-cli submit [--no-wait] [--concurrency N] [--batch-size N] PATH...
        PATH              a file or a directory (walked recursively): .jsonl/.ndjson (an article per
                          line), .json (an article or an array), .txt/.html/.htm (a pasted page)
        --no-wait         do not wait until the accepted articles are searchable
        --concurrency N   batch requests in flight (default 4)
        --batch-size N    articles per request, 1 to 1000 (default 500)
        --ingest-url URL  the ingest service (default: env INGEST_URL)
        --token TOKEN     the submit token (default: env SUBMIT_TOKEN; prefer the variable)
        --reader-url URL  the readers' page, for links (default: env READER_URL)
        --wait-timeout S  seconds to wait until searchable (default 120)
        --max-tries N     requests for the same lines before giving up (default 10)
        --progress MODE   bar, plain, none or auto (default auto: bar when a console is attached)
      exit codes: 0 all accepted (and searchable), 1 something refused or failed, 2 usage error""";

  /**
   * Reads the arguments after {@code submit}; flags may come as {@code --flag value} or
   * {@code --flag=value}, and {@code --} ends them.
   *
   * @param env the environment, for INGEST_URL, SUBMIT_TOKEN and READER_URL
   * @throws UsageException on anything it cannot read
   */
  public static SubmitOptions parse(List<String> args, Map<String, String> env) {
    List<Path> paths = new ArrayList<>();
    boolean wait = true;
    int concurrency = 4;
    int batchSize = 500;
    int maxTries = 10;
    String ingestUrl = env.get("INGEST_URL");
    String token = env.get("SUBMIT_TOKEN");
    String readerUrl = env.get("READER_URL");
    long waitSeconds = 120;
    String progress = "auto";
    boolean flags = true;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!flags || !arg.startsWith("--")) {
        paths.add(Path.of(arg));
        continue;
      }
      if (arg.equals("--")) {
        flags = false;
        continue;
      }
      if (arg.equals("--no-wait")) {
        wait = false;
        continue;
      }
      String name = arg;
      String value;
      int eq = arg.indexOf('=');
      if (eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      } else {
        if (i + 1 >= args.size()) {
          throw new UsageException(arg + " needs a value");
        }
        value = args.get(++i);
      }
      switch (name) {
        case "--concurrency" -> concurrency = integer(name, value, 1, 64);
        case "--batch-size" -> batchSize = integer(name, value, 1, MAX_BATCH_SIZE);
        case "--max-tries" -> maxTries = integer(name, value, 1, 1000);
        case "--wait-timeout" -> waitSeconds = integer(name, value, 0, 86_400);
        case "--ingest-url" -> ingestUrl = value;
        case "--token" -> token = value;
        case "--reader-url" -> readerUrl = value;
        case "--progress" -> progress = value;
        default -> throw new UsageException("unknown option " + name);
      }
    }
    if (paths.isEmpty()) {
      throw new UsageException("no PATH given");
    }
    if (ingestUrl == null || ingestUrl.isBlank()) {
      throw new UsageException("no ingest URL: pass --ingest-url or set INGEST_URL");
    }
    if (!ingestUrl.startsWith("http://") && !ingestUrl.startsWith("https://")) {
      throw new UsageException("--ingest-url must be an http:// or https:// URL, got '" + ingestUrl + "'");
    }
    if (token == null || token.isBlank()) {
      throw new UsageException("no submit token: set SUBMIT_TOKEN (or pass --token)");
    }
    return new SubmitOptions(List.copyOf(paths), wait, concurrency, batchSize, DEFAULT_MAX_REQUEST_BYTES,
        ingestUrl.strip(), token.strip(), readerUrl == null || readerUrl.isBlank() ? null : readerUrl.strip(),
        Duration.ofSeconds(waitSeconds), progressMode(progress), maxTries);
  }

  private static ProgressMode progressMode(String value) {
    switch (value) {
      case "bar":
        return ProgressMode.BAR;
      case "plain":
        return ProgressMode.PLAIN;
      case "none":
        return ProgressMode.NONE;
      case "auto":
        // Java 17 cannot ask whether stderr alone is a terminal; a console means stdin and stdout
        // are, which is near enough. The ./pipeline script asks the shell and passes bar or plain.
        return System.console() != null ? ProgressMode.BAR : ProgressMode.PLAIN;
      default:
        throw new UsageException("--progress must be bar, plain, none or auto, got '" + value + "'");
    }
  }

  private static int integer(String name, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // told below
    }
    throw new UsageException(name + " must be a whole number from " + min + " to " + max + ", got '" + value + "'");
  }
}
