package io.articlepipeline.ops.throughput;

import io.articlepipeline.ops.throughput.SampleHistory.Sample;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's samples on disk, one JSON object per line, so the lag trend and the throughput
 * survive a restart of the console (Kafka keeps no history of committed offsets). Appends one
 * line per sample; {@link #rewrite} replaces the file with the samples still in the window
 * (written to a temporary file and moved over the old one, so a crash leaves one or the other).
 * A line that cannot be read (a torn last write, a hand edit) is skipped and counted, never
 * fatal. Not thread-safe: the sampler is its only user.
 */
public final class SampleStore {

  private static final Logger log = LoggerFactory.getLogger(SampleStore.class);

  private final Path file;
  private final JsonMapper json;
  private int appendedSinceRewrite;

  public SampleStore(Path file, JsonMapper json) {
    this.file = file;
    this.json = json;
  }

  /** Where the samples are kept. */
  public Path file() {
    return file;
  }

  /** The stored samples taken at or after {@code since}, oldest first; none when there is no file. */
  public List<Sample> load(Instant since) {
    List<Sample> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    int unreadable = 0;
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        Sample s;
        try {
          s = json.readValue(line, Sample.class);
        } catch (JacksonException e) {
          unreadable++;
          continue;
        }
        if (s.at() == null || s.endOffsets() == null) {
          unreadable++;
        } else if (!s.at().isBefore(since)) {
          out.add(s);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the samples in " + file, e);
    }
    if (unreadable > 0) {
      log.warn("Skipped {} unreadable line(s) in {}", unreadable, file);
    }
    out.sort((a, b) -> a.at().compareTo(b.at()));
    return out;
  }

  /** Appends one sample. */
  public void append(Sample sample) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, json.writeValueAsString(sample) + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
      appendedSinceRewrite++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append a sample to " + file, e);
    }
  }

  /** True once as many samples were appended since the last rewrite as the window holds. */
  public boolean dueForRewrite(int inWindow) {
    return appendedSinceRewrite >= Math.max(16, inWindow);
  }

  /** Replaces the file with exactly these samples. */
  public void rewrite(List<Sample> samples) {
    Path dir = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        for (Sample s : samples) {
          w.write(json.writeValueAsString(s));
          w.write('\n');
        }
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      appendedSinceRewrite = 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rewrite the samples in " + file, e);
    }
  }
}
