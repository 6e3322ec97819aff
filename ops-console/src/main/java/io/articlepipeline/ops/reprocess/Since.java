package io.articlepipeline.ops.reprocess;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The {@code since} of a reprocess as an operator writes it: an instant with its offset
 * ({@code 2026-12-01T08:00:00Z}, {@code 2026-12-01T16:00:00+08:00}), a day (its start in UTC,
 * {@code 2026-12-01}) or an ISO-8601 duration back from now ({@code PT6H}, {@code P2D}).
 */
final class Since {

  private Since() {
  }

  /** Thrown for a value that is none of the forms, or lies in the future. */
  static final class InvalidSinceException extends IllegalArgumentException {
    InvalidSinceException(String message) {
      super(message);
    }
  }

  static Instant parse(String text, Clock clock) {
    String t = text.strip();
    Instant now = clock.instant();
    Instant since;
    try {
      if (t.startsWith("P") || t.startsWith("p")) {
        Duration back = Duration.parse(t);
        if (back.isNegative()) {
          throw new InvalidSinceException("since " + text + ": a duration back from now must not be negative");
        }
        since = now.minus(back);
      } else if (t.length() == 10) {
        since = LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
      } else {
        since = OffsetDateTime.parse(t).toInstant();
      }
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new InvalidSinceException("since '" + text + "' is not an instant with its offset (2026-12-01T08:00:00Z),"
          + " a day (2026-12-01, from its start in UTC) or a duration back from now (PT6H, P2D)");
    }
    if (since.isAfter(now)) {
      throw new InvalidSinceException("since " + text + " (" + since + ") is in the future: nothing to reprocess");
    }
    return since;
  }
}
