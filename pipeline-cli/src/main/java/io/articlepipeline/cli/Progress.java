package io.articlepipeline.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Progress on stderr while articles go out or while waiting for them to be searchable: on a
 * terminal a one-line bar redrawn in place, otherwise (a log, a CI job) a plain line every two
 * seconds, which a file can hold without carriage-return clutter.
 */
final class Progress implements AutoCloseable {

  private static final int BAR_WIDTH = 20;

  private final ProgressMode mode;
  private final PrintStream err;
  private final String format;
  private final IntSupplier done;
  private final int total;
  private final long startNanos = System.nanoTime();
  private final ScheduledExecutorService ticker;
  private boolean drawn;
  private boolean closed;

  /**
   * Starts showing progress.
   *
   * @param format how to tell the count, e.g. {@code "%s articles"} or {@code "searchable %s"};
   *               {@code %s} becomes {@code done/total}
   */
  Progress(ProgressMode mode, PrintStream err, String format, IntSupplier done, int total) {
    this.mode = mode;
    this.err = err;
    this.format = format;
    this.done = done;
    this.total = total;
    if (mode == ProgressMode.NONE) {
      ticker = null;
      return;
    }
    ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "progress");
      t.setDaemon(true);
      return t;
    });
    long period = mode == ProgressMode.BAR ? 200 : 2000;
    ticker.scheduleAtFixedRate(this::draw, mode == ProgressMode.BAR ? 0 : period, period, TimeUnit.MILLISECONDS);
  }

  private synchronized void draw() {
    if (closed) {
      return; // a tick that waited for the lock while close() drew the last line
    }
    String line = render(mode == ProgressMode.BAR, format, done.getAsInt(), total, elapsed());
    drawn = true;
    if (mode == ProgressMode.BAR) {
      err.print("\r" + line + "\u001B[K"); // erase what a longer previous line left
    } else {
      err.println(line);
    }
    err.flush();
  }

  /**
   * Draws the final state: the bar and its line end, or a last plain line when earlier ones were
   * printed (a run shorter than two seconds prints none, its summary says it all).
   */
  @Override
  public synchronized void close() {
    if (ticker == null) {
      return;
    }
    ticker.shutdownNow();
    if (mode == ProgressMode.BAR || drawn) {
      draw();
    }
    if (mode == ProgressMode.BAR) {
      err.println();
      err.flush();
    }
    closed = true;
  }

  private Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /** One progress line, e.g. {@code [#####.....] 12,345/20,000 articles  1,043/s  ETA 7s}. */
  static String render(boolean bar, String format, int done, int total, Duration elapsed) {
    StringBuilder out = new StringBuilder();
    if (bar) {
      int filled = total <= 0 ? BAR_WIDTH : (int) Math.min(BAR_WIDTH, (long) done * BAR_WIDTH / total);
      out.append('[').append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ");
    }
    out.append(String.format(format, number(done) + "/" + number(total)));
    double seconds = elapsed.toMillis() / 1000.0;
    if (seconds >= 0.5 && done > 0) {
      double rate = done / seconds;
      out.append("  ").append(number(Math.round(rate))).append("/s");
      if (done < total) {
        out.append("  ETA ").append(duration(Duration.ofSeconds(Math.round((total - done) / rate))));
      }
    }
    return out.toString();
  }

  /** {@code 12,345}: grouped the same everywhere, whatever the machine's locale. */
  static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** {@code 7s}, {@code 3m05s}, {@code 1h02m}. */
  static String duration(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
  }
}
