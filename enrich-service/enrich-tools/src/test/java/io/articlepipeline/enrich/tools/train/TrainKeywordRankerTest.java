package io.articlepipeline.enrich.tools.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.enrich.core.keywords.KeyphrasenessPrior;
import io.articlepipeline.enrich.core.keywords.KeywordFeatures;
import io.articlepipeline.enrich.core.keywords.KeywordRanker;
import io.articlepipeline.text.Segmenter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainKeywordRankerTest {

  private static final class Run {
    final int code;
    final String out;
    final String err;

    Run(String... args) throws IOException {
      ByteArrayOutputStream o = new ByteArrayOutputStream();
      ByteArrayOutputStream e = new ByteArrayOutputStream();
      code = TrainKeywordRanker.run(args, new PrintStream(o, true, StandardCharsets.UTF_8),
          new PrintStream(e, true, StandardCharsets.UTF_8));
      out = o.toString(StandardCharsets.UTF_8);
      err = e.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void missingFilesStopWithWhatToPass(@TempDir Path dir) throws IOException {
    Path texts = dir.resolve("texts.jsonl");
    Path headlines = dir.resolve("headlines.jsonl");
    Run r = new Run(texts.toString(), headlines.toString(), dir.toString());
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).contains(texts + ": no such file; pass TEXTS.jsonl");

    Files.writeString(texts, "{\"text\": \"文本\", \"keywords\": [\"文本\"]}\n");
    r = new Run(texts.toString(), headlines.toString(), dir.toString());
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).contains(headlines + ": no such file; pass HEADLINES.jsonl");

    Files.writeString(headlines, "{\"text\": \"标题\", \"keywords\": [\"标题\"]}\n");
    r = new Run(texts.toString(), headlines.toString(), dir.resolve("absent").toString());
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).contains("absent: no such directory; pass OUT_DIR");
    assertThat(dir.resolve("absent")).doesNotExist();

    r = new Run(texts.toString());
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).contains("usage: TrainKeywordRanker");
  }

  @Test
  void headlineTableCountsChosenAppearingAndBoth() {
    List<Map<String, Object>> docs = List.of(
        Map.of("text", "海绵城市建设提速", "keywords", List.of("海绵城市")),
        Map.of("text", "海绵城市试点扩容", "keywords", List.of("试点")),
        Map.of("text", "老旧小区改造", "keywords", List.of("海绵城市", "老旧小区")));
    KeyphrasenessPrior prior = TrainKeywordRanker.buildPrior(docs, Segmenter.plain());
    // listed by two headlines, in the text of two, both in one
    assertThat(prior.counts("海绵城市")).containsExactly(2, 2, 1);
    assertThat(prior.counts("老旧小区")).containsExactly(1, 1, 1);
    assertThat(prior.counts("试点")).containsExactly(1, 1, 1);
    assertThat(prior.counts("扩容")).isNull(); // never chosen, in fewer than MIN_APPEARS headlines
    assertThat(KeyphrasenessPrior.keyphraseness(prior.counts("海绵城市"))).isEqualTo(1.5 / 4);
  }

  @Test
  void solvesALinearSystem() {
    double[] x = TrainKeywordRanker.solve(new double[][] {{4, 1}, {1, 3}}, new double[] {1, 2});
    assertThat(x[0]).isCloseTo(1.0 / 11, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(x[1]).isCloseTo(7.0 / 11, org.assertj.core.data.Offset.offset(1e-12));
  }

  private static String line(String text, String... keywords) {
    StringBuilder b = new StringBuilder("{\"text\": \"").append(text).append("\", \"keywords\": [");
    for (int i = 0; i < keywords.length; i++) {
      b.append(i > 0 ? ", " : "").append('"').append(keywords[i]).append('"');
    }
    return b.append("]}\n").toString();
  }

  /** Tiny abstracts where the gold keyword is always the term with 系统 at its end, never the one with 方法. */
  private static void write(Path texts, Path headlines) throws IOException {
    String[] topics = {"温室测控", "电网调度", "桥梁监测", "水质预警", "交通诱导", "粮仓测温", "森林防火", "矿井通风",
        "港口物流", "地铁票务", "医院挂号", "图书检索"};
    StringBuilder t = new StringBuilder();
    for (String topic : topics) {
      t.append(line("本文设计了" + topic + "系统。" + topic + "系统采用分层结构，评价方法采用对比实验。"
          + "实验表明" + topic + "系统运行稳定，评价方法有效。", topic + "系统"));
    }
    Files.writeString(texts, t.toString());
    StringBuilder h = new StringBuilder();
    for (String topic : topics) {
      h.append(line(topic + "系统上线运行", topic + "系统", "上线"));
      h.append(line(topic + "评价方法发布", "发布"));
    }
    Files.writeString(headlines, h.toString());
  }

  @Test
  void trainsDeterministicallyOnATinyFile(@TempDir Path dir) throws IOException {
    Path texts = dir.resolve("texts.jsonl");
    Path headlines = dir.resolve("headlines.jsonl");
    write(texts, headlines);
    Path a = Files.createDirectory(dir.resolve("a"));
    Path b = Files.createDirectory(dir.resolve("b"));
    Run r = new Run(texts.toString(), headlines.toString(), a.toString());
    assertThat(r.code).as(r.err).isZero();
    assertThat(r.out).contains("in 12 texts");
    assertThat(new Run(texts.toString(), headlines.toString(), b.toString()).code).isZero();
    for (String f : List.of("keywords-ranker.tsv", "keywords-prior-headlines.tsv.gz", "keywords-prior-texts.tsv.gz")) {
      assertThat(Files.readAllBytes(a.resolve(f))).as(f).isEqualTo(Files.readAllBytes(b.resolve(f)));
    }
    KeywordRanker ranker = KeywordRanker.fromFile(a.resolve("keywords-ranker.tsv"));
    // the gold terms are the ones the headline table calls keywords: that weight must be positive
    int kp = KeywordFeatures.NAMES.indexOf("priorKeyphraseness");
    assertThat(ranker.weights()[kp]).isPositive();

    Run cv = new Run("--cv", "3", texts.toString(), headlines.toString(), dir.resolve("unused").toString());
    assertThat(cv.code).as(cv.err).isZero();
    assertThat(cv.out).containsPattern("3-fold cross-validated recall@10=\\d\\.\\d{3} \\(hand-weighted score \\d\\.\\d{3}\\)");
    assertThat(dir.resolve("unused")).doesNotExist();
  }

}
