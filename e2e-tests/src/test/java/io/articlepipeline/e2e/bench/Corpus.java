package io.articlepipeline.e2e.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real pages every phase copies: a {@code BENCH_CORPUS} jsonl file if given, else the eval
 * file's pages plus the sample page when EVAL_DIR is set, else the repository's {@code samples/} pages. Each phase
 * gets its own copies, made unique by the phase's marker word and a number.
 */
final class Corpus {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String SAMPLE = "000_7abadb2f983fa813.txt";

  private final List<Article> pages;
  private final String description;

  private Corpus(List<Article> pages, String description) {
    if (pages.isEmpty()) {
      throw new IllegalStateException("the benchmark corpus is empty: " + description);
    }
    this.pages = List.copyOf(pages);
    this.description = description;
  }

  /**
   * From BENCH_CORPUS if set; else EVAL_DIR/articles-dev.jsonl plus the sample page if EVAL_DIR is
   * set (the development pages are not in the repository; an EVAL_DIR without that file stops the
   * run); else every page of SAMPLES_DIR (the repository's samples/).
   */
  static Corpus load() {
    String given = System.getenv("BENCH_CORPUS");
    String evalDir = System.getenv("EVAL_DIR");
    Path samples = Path.of(System.getenv().getOrDefault("SAMPLES_DIR", "samples"));
    if (given != null && !given.isBlank()) {
      Path file = Path.of(given);
      return new Corpus(jsonLines(file), "BENCH_CORPUS " + file);
    }
    if (evalDir != null && !evalDir.isBlank()) {
      Path eval = Path.of(evalDir).resolve("articles-dev.jsonl");
      if (!Files.isRegularFile(eval)) {
        throw new IllegalStateException("EVAL_DIR=" + evalDir + " holds no articles-dev.jsonl: set EVAL_DIR to the"
            + " directory of that file, or unset it to load the pages of " + samples);
      }
      List<Article> pages = new ArrayList<>(jsonLines(eval));
      int fromEval = pages.size();
      Path sample = samples.resolve(SAMPLE);
      if (Files.isRegularFile(sample)) {
        pages.add(page(sample));
      }
      return new Corpus(pages, eval + " (" + fromEval + " pages)"
          + (pages.size() > fromEval ? " + " + sample : ""));
    }
    List<Article> pages = new ArrayList<>();
    try (Stream<Path> files = Files.list(samples)) {
      files.filter(f -> f.toString().endsWith(".txt")).sorted().forEach(f -> pages.add(page(f)));
    } catch (IOException e) {
      throw new UncheckedIOException("no corpus: no BENCH_CORPUS, no EVAL_DIR, and " + samples
          + " cannot be listed (SAMPLES_DIR)", e);
    }
    return new Corpus(pages, "the pages of " + samples + " (for the 40 development pages as well, set EVAL_DIR"
        + " to the directory of articles-dev.jsonl)");
  }

  String description() {
    return description;
  }

  int size() {
    return pages.size();
  }

  /** The pages themselves (the enrich baseline's warm-up). */
  List<Article> pages() {
    return pages;
  }

  /**
   * {@code n} copies of the pages in turn, each ending in a line "{@code marker} {@code i}": the
   * marker (letters only, so the segmenter keeps it one token) finds the phase's articles, the
   * number makes each one's content, and so its id, unique.
   */
  List<Article> copies(String marker, int n) {
    List<Article> copies = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Article a = pages.get(i % pages.size());
      copies.add(new Article(a.title(), a.body() + "\n" + marker + " " + i, a.language()));
    }
    return copies;
  }

  private static List<Article> jsonLines(Path file) {
    List<Article> pages = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode a = JSON.readTree(line);
        String text = a.hasNonNull("text") ? a.get("text").asString() : a.path("body").asString();
        String title = a.hasNonNull("title") ? a.get("title").asString() : firstLine(text);
        String lang = a.hasNonNull("lang") ? a.get("lang").asString() : a.path("language").asString(null);
        pages.add(new Article(title, text, lang));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read corpus " + file, e);
    }
    return pages;
  }

  /** A pasted page: its headline is the second non-blank line (the first is the breadcrumb). */
  private static Article page(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String title = text.lines().filter(l -> !l.isBlank()).skip(1).findFirst().orElse(firstLine(text)).strip();
      return new Article(title, text, "zh");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read page " + file, e);
    }
  }

  private static String firstLine(String text) {
    return text.lines().filter(l -> !l.isBlank()).findFirst()
        .map(l -> l.length() > 60 ? l.substring(0, 60) : l).orElse("untitled");
  }
}
