package io.articlepipeline.enrich.tools.train;

import io.articlepipeline.enrich.tools.eval.JsonLines;
import io.articlepipeline.enrich.core.keywords.PhraseCandidates;
import io.articlepipeline.text.CharNormalizer;
import io.articlepipeline.text.Segmenter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * Builds the keyword background table: in how many documents (sentences) of the training
 * texts each candidate phrase occurs, using the same segmentation and candidate rules as the
 * extractor. {@code BuildKeywordStats TRAIN_DIR OUT_FILE [MIN_DF]}.
 */
public final class BuildKeywordStats {

  private BuildKeywordStats() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.out.println("usage: BuildKeywordStats TRAIN_DIR OUT_FILE [MIN_DF]");
      System.exit(2);
    }
    int minDf = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    Segmenter segmenter = Segmenter.plain();
    Map<String, Integer> df = new HashMap<>();
    int docs = 0;
    List<Path> files;
    try {
      files = JsonLines.files(Path.of(args[0]));
    } catch (IllegalArgumentException e) {
      System.err.println("BuildKeywordStats: " + e.getMessage() + "; pass TRAIN_DIR, the directory of the"
          + " training texts (JSON Lines with a text field, e.g. the training data's ner-train/)");
      System.exit(2);
      return;
    }
    for (Path f : files) {
      for (Map<String, Object> doc : JsonLines.objects(f)) {
        String text = CharNormalizer.normalize((String) doc.get("text"));
        Set<String> seen = new HashSet<>();
        PhraseCandidates.candidates(text, segmenter.segment(text), null, (s, e, key, words, first, last) -> seen.add(key));
        for (String k : seen) {
          df.merge(k, 1, Integer::sum);
        }
        docs++;
      }
    }
    Path out = Path.of(args[1]);
    int written = 0;
    try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(
        new GZIPOutputStream(Files.newOutputStream(out)), StandardCharsets.UTF_8))) {
      w.write("#docs " + docs + "\n");
      for (Map.Entry<String, Integer> e : new TreeMap<>(df).entrySet()) {
        if (e.getValue() >= minDf) {
          w.write(e.getKey() + "\t" + e.getValue() + "\n");
          written++;
        }
      }
    }
    System.out.println("wrote " + out + ": " + written + " phrases from " + docs + " documents");
  }
}
