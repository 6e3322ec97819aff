package io.articlepipeline.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The command line: {@code pipeline-cli submit ...}. Kept apart from {@link Main} so that tests
 * and other programs can run it in-process and read its exit code and report instead of the JVM
 * exiting.
 */
public final class Cli {

  /** Exit code: everything accepted (and searchable when waiting). */
  public static final int OK = 0;
  /** Exit code: something was refused or failed. */
  public static final int FAILED = 1;
  /** Exit code: the command line or a path was wrong; nothing was sent. */
  public static final int USAGE = 2;

  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;
  private SubmitReport lastReport;

  /**
   * @param env the environment (INGEST_URL, SUBMIT_TOKEN, READER_URL)
   * @param out receives results: the summary, "searchable at" lines
   * @param err receives progress and errors
   */
  public Cli(Map<String, String> env, PrintStream out, PrintStream err) {
    this.env = env;
    this.out = out;
    this.err = err;
  }

  /**
   * Runs a command line.
   *
   * @return the exit code: {@link #OK}, {@link #FAILED} or {@link #USAGE}
   */
  public int run(String... args) {
    List<String> list = Arrays.asList(args);
    if (list.isEmpty() || list.get(0).equals("-h") || list.get(0).equals("--help") || list.get(0).equals("help")) {
      out.println(SubmitOptions.USAGE);
      return list.isEmpty() ? USAGE : OK;
    }
    if (!list.get(0).equals("submit")) {
      err.println("pipeline-cli: unknown command '" + list.get(0) + "'\n" + SubmitOptions.USAGE);
      return USAGE;
    }
    List<String> rest = list.subList(1, list.size());
    if (rest.contains("-h") || rest.contains("--help")) {
      out.println(SubmitOptions.USAGE);
      return OK;
    }
    try {
      SubmitReport report = new SubmitCommand(SubmitOptions.parse(rest, env), out, err).run();
      lastReport = report;
      report.print(out);
      if (report.fatal() != null) {
        err.println("pipeline-cli: " + report.fatal());
      }
      return report.exitCode() == 0 ? OK : FAILED;
    } catch (UsageException e) {
      err.println("pipeline-cli: " + e.getMessage());
      err.println("(pipeline-cli submit --help for usage)");
      return USAGE;
    } catch (UncheckedIOException e) {
      err.println("pipeline-cli: " + e.getMessage() + ": " + e.getCause().getMessage());
      return USAGE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("pipeline-cli: interrupted");
      return FAILED;
    }
  }

  /** The report of the last {@code submit} run, or null if none ran to the end. */
  public SubmitReport lastReport() {
    return lastReport;
  }
}
