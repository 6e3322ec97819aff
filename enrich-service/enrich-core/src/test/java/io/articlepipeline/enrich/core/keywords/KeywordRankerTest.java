package io.articlepipeline.enrich.core.keywords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.articlepipeline.enrich.core.Keyword;
import io.articlepipeline.text.AnalysisText;
import io.articlepipeline.text.Segmenter;
import io.articlepipeline.text.Token;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeywordRankerTest {

  private static int at(String name) {
    return KeywordFeatures.NAMES.indexOf(name);
  }

  private static KeywordExtractor.Candidate candidate(String text, int count, double weight) {
    KeywordExtractor.Candidate c = new KeywordExtractor.Candidate(AnalysisText.of(text), 0, text.length(), 2);
    c.count = count;
    c.clean = count;
    c.weight = weight;
    c.firstPosition = 0.25;
    c.firstPos = "n";
    c.lastPos = "n";
    return c;
  }

  @Test
  void featuresDescribeTheCandidate() {
    KeywordExtractor.Candidate c = candidate("gpu集群调度", 3, 2.5);
    c.inTitle = true;
    Map<String, int[]> table = new HashMap<>();
    table.put("gpu集群调度", new int[] {4, 6, 3});
    KeyphrasenessPrior headlines = new KeyphrasenessPrior(table, 100);
    double[] f = new double[KeywordFeatures.COUNT];
    KeywordFeatures.fill("gpu集群调度", c, 20.0, 4, 0, 9.0, 10.0, headlines, table.get("gpu集群调度"), null, f);

    assertThat(f[at("handScore")]).isCloseTo(Math.log(20.001), within(1e-9));
    assertThat(f[at("handRank")]).isCloseTo(Math.log(5), within(1e-9));
    assertThat(f[at("logCount")]).isCloseTo(Math.log(4), within(1e-9));
    assertThat(f[at("firstPosition")]).isEqualTo(0.25);
    assertThat(f[at("inTitle")]).isEqualTo(1);
    assertThat(f[at("titleOnly")]).isZero();
    assertThat(f[at("once")]).isZero();
    assertThat(f[at("chars7plus")]).isEqualTo(1); // 7 characters
    assertThat(f[at("chars2")] + f[at("chars3")] + f[at("chars5to6")]).isZero();
    assertThat(f[at("latin")]).isEqualTo(1);
    assertThat(f[at("digit")]).isZero();
    assertThat(f[at("idf")]).isCloseTo(0.9, within(1e-9));
    assertThat(f[at("unseenBackground")]).isEqualTo(1);
    assertThat(f[at("priorKnown")]).isEqualTo(1);
    assertThat(f[at("priorChosen")]).isCloseTo(Math.log(5), within(1e-9));
    assertThat(f[at("priorKeyphraseness")]).isCloseTo(3.5 / 8, within(1e-9));
    assertThat(f[at("priorNeverChosen")]).isZero();
    assertThat(f[at("domainKnown")]).isZero();
    assertThat(f[at("domainKeyphraseness")]).isZero();
  }

  @Test
  void edgeCharactersFollowTheTable() {
    Map<String, int[]> table = new HashMap<>();
    // phrases ending in 法 are chosen where they appear, phrases ending in 内 never are
    table.put("算法", new int[] {9, 10, 9});
    table.put("方法", new int[] {8, 10, 8});
    table.put("范围内", new int[] {0, 20, 0});
    table.put("区域内", new int[] {0, 20, 0});
    KeyphrasenessPrior prior = new KeyphrasenessPrior(table, 50);
    double[] out = new double[2];
    prior.edgeCharacters('遗', '法', out, 0);
    assertThat(out[0]).isZero(); // an unseen first character: no evidence
    assertThat(out[1]).isPositive();
    prior.edgeCharacters('范', '内', out, 0);
    assertThat(out[0]).isNegative();
    assertThat(out[1]).isNegative();
  }

  @Test
  void modelFileRoundTripsAndNamesEveryFeature() throws Exception {
    double[] w = new double[KeywordFeatures.COUNT];
    for (int i = 0; i < w.length; i++) {
      w[i] = i * 0.25 - 1;
    }
    KeywordRanker ranker = new KeywordRanker(-2.5, w);
    StringWriter out = new StringWriter();
    ranker.write(out, "test model");
    KeywordRanker back = KeywordRanker.read(new BufferedReader(new StringReader(out.toString())), "test");
    assertThat(back.bias()).isEqualTo(-2.5);
    assertThat(back.weights()).containsExactly(w);

    String missing = out.toString().replaceAll("(?m)^idiom\t.*\n", "");
    assertThatThrownBy(() -> KeywordRanker.read(new BufferedReader(new StringReader(missing)), "test"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idiom");
  }

  /** A model that only knows the headline table's keyphraseness. */
  private static KeywordRanker priorOnly(double weight) {
    double[] w = new double[KeywordFeatures.COUNT];
    w[at("priorKeyphraseness")] = weight;
    return new KeywordRanker(-3, w);
  }

  private static List<Keyword> extract(String text, KeywordRanker ranker, KeyphrasenessPrior prior) {
    AnalysisText t = AnalysisText.of(text);
    List<Token> tokens = Segmenter.plain().segment(t.text());
    boolean[] content = new boolean[t.text().length()];
    Arrays.fill(content, true);
    KeywordExtractor extractor = new KeywordExtractor(null, prior, null, ranker);
    return extractor.extract(t, tokens, content, AnalysisText.of(""), List.of(), List.of(), 10);
  }

  @Test
  void learnedRankerOrdersByItsLogitAndReportsProbabilities() {
    // the same shape and frequency for both phrases; the table says which one is a keyword
    String text = "城市绿地建设和海绵城市改造同步推进。城市绿地建设资金到位，海绵城市改造方案公布。";
    Map<String, int[]> table = new HashMap<>();
    table.put("海绵城市", new int[] {40, 50, 40});
    table.put("城市绿地", new int[] {0, 50, 0});
    KeyphrasenessPrior prior = new KeyphrasenessPrior(table, 1000);

    List<Keyword> liked = extract(text, priorOnly(8), prior);
    assertThat(liked.get(0).text()).isEqualTo("海绵城市"); // logit -3 + 8 x 0.78 against -3 or less
    assertThat(liked.get(0).score()).isCloseTo(KeywordRanker.sigmoid(-3 + 8 * 40.5 / 52), within(0.0006));

    // the same candidates, the weight's sign flipped: the table's keyword drops to the end
    List<Keyword> disliked = extract(text, priorOnly(-8), prior);
    assertThat(disliked.get(0).text()).isNotEqualTo("海绵城市");
    disliked.stream().filter(k -> k.text().equals("海绵城市")).findFirst().ifPresent(k ->
        assertThat(disliked).allSatisfy(other -> assertThat(other.score()).isGreaterThanOrEqualTo(k.score())));

    // scores are probabilities: the sigmoid of the logit (bias -3 alone for a phrase the table lacks)
    assertThat(disliked).allSatisfy(k -> assertThat(k.score()).isBetween(0.0, 1.0));
    Keyword unknown = disliked.stream().filter(k -> !table.containsKey(k.text())).findFirst().orElseThrow();
    assertThat(unknown.score()).isCloseTo(KeywordRanker.sigmoid(-3), within(0.0006));
  }
}
