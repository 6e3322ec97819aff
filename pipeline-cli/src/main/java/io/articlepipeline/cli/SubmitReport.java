package io.articlepipeline.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of a submit, printed as its summary and turned into its exit code.
 *
 * @param articles         articles found in the files (pasted pages count one each)
 * @param accepted         the ones the service accepted, in no particular order
 * @param refused          refused ones, by the service or as unreadable JSON, in file order
 * @param failed           ones without an answer after all tries, in file order
 * @param skippedFiles     files of unknown kinds in the named directories
 * @param elapsed          time spent sending
 * @param fatal            why the submission stopped early (a refused token), or null
 * @param waited           whether it waited for searchability
 * @param searchable       accepted (distinct) articles seen searchable
 * @param distinctAccepted distinct ids among the accepted (the same url twice is one document)
 * @param failedInPipeline accepted articles a stage gave up on, with its stage and reason
 * @param stillProcessing  accepted articles not yet searchable when the wait timed out
 * @param waitElapsed      time spent waiting
 */
public record SubmitReport(int articles, List<Accepted> accepted, List<Problem> refused, List<Problem> failed,
                           int skippedFiles, Duration elapsed, String fatal, boolean waited, int searchable,
                           int distinctAccepted, List<Problem> failedInPipeline, int stillProcessing,
                           Duration waitElapsed) {

  /** Problems listed in the summary before "and N more". */
  static final int SHOWN = 20;

  /** 0 when everything was accepted (and, when waiting, searchable), else 1. */
  public int exitCode() {
    boolean ok = fatal == null && refused.isEmpty() && failed.isEmpty()
        && (!waited || failedInPipeline.isEmpty() && stillProcessing == 0 && searchable == distinctAccepted);
    return ok ? 0 : 1;
  }

  /** Prints the summary. */
  public void print(PrintStream out) {
    if (fatal != null) {
      out.println("stopped: " + fatal);
    }
    double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
    out.printf(Locale.ROOT, "accepted       %s of %s articles in %.1f s (%s/s)%n", Progress.number(accepted.size()),
        Progress.number(articles), seconds, Progress.number(Math.round(accepted.size() / seconds)));
    out.println("refused        " + Progress.number(refused.size()));
    list(out, refused);
    out.println("failed         " + Progress.number(failed.size()));
    list(out, failed);
    if (skippedFiles > 0) {
      out.println("skipped files  " + Progress.number(skippedFiles) + " (not " + FileKind.KNOWN + ")");
    }
    if (waited) {
      out.printf(Locale.ROOT, "searchable     %s of %s in %.1f s%n", Progress.number(searchable),
          Progress.number(distinctAccepted), waitElapsed.toMillis() / 1000.0);
      if (!failedInPipeline.isEmpty()) {
        out.println("failed in the pipeline " + Progress.number(failedInPipeline.size()));
        list(out, failedInPipeline);
      }
      if (stillProcessing > 0) {
        out.println("still processing " + Progress.number(stillProcessing)
            + " when the wait ended (--wait-timeout); they may yet become searchable");
      }
    }
  }

  private static void list(PrintStream out, List<Problem> problems) {
    problems.stream().limit(SHOWN).forEach(p -> out.println("  " + p));
    if (problems.size() > SHOWN) {
      out.println("  and " + Progress.number(problems.size() - SHOWN) + " more");
    }
  }
}
