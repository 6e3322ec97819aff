package io.articlepipeline.enrich.core.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OrgSequenceModelTest {

  private static final int L = OrgSequenceModel.LABELS;
  private static final int P = CharFeatures.PER_POSITION;

  /** Many keys, some sharing their low bits (same home slot), weights of both signs. */
  private static long[] keys(int n, Random r) {
    long[] k = new long[n];
    for (int i = 0; i < n; i++) {
      k[i] = i % 7 == 0 && i > 0 ? (k[i - 1] & 0xffffffffL) | ((long) r.nextInt() << 32) : r.nextLong();
      if (k[i] == 0) {
        k[i] = 1;
      }
    }
    return k;
  }

  @Test
  void scoresAreTheSumsOfTheWeightsOfTheFeaturesPresent() {
    Random r = new Random(7);
    int n = 5000;
    long[] keys = keys(n, r);
    float[] w = new float[n * L];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) (r.nextGaussian() * 3);
    }
    OrgSequenceModel model = new OrgSequenceModel(keys, w, new float[L * L + L], "test");
    assertThat(model.features()).isEqualTo(n);

    int positions = 50;
    long[] features = new long[positions * P];
    float[] expected = new float[positions * L];
    for (int i = 0; i < positions; i++) {
      for (int k = 0; k < P; k++) {
        int pick = r.nextInt(4);
        if (pick == 0) {
          continue; // no feature in this slot
        }
        if (pick == 1) {
          features[i * P + k] = r.nextLong() | 1; // unknown feature: contributes nothing
          continue;
        }
        int id = r.nextInt(n);
        features[i * P + k] = keys[id];
        for (int y = 0; y < L; y++) {
          expected[i * L + y] += w[id * L + y];
        }
      }
    }
    float[] scores = new float[positions * L];
    model.score(features, positions, scores);
    float step = maxAbs(w) / Byte.MAX_VALUE;
    for (int i = 0; i < scores.length; i++) {
      // weights are kept as 8-bit integers: each feature may be off by half a step
      assertThat(scores[i]).isCloseTo(expected[i], within(step * P));
    }
  }

  @Test
  void writtenModelReadsBackWithTheSameScores() throws IOException {
    Random r = new Random(11);
    int n = 300;
    long[] keys = keys(n, r);
    float[] w = new float[n * L];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) r.nextGaussian();
    }
    float[] transitions = new float[L * L + L];
    for (int i = 0; i < transitions.length; i++) {
      transitions[i] = (float) r.nextGaussian();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    java.util.Arrays.sort(keys);
    OrgSequenceModel.write(out, keys, w, transitions, "round trip");
    OrgSequenceModel read = OrgSequenceModel.read(new ByteArrayInputStream(out.toByteArray()));
    OrgSequenceModel direct = new OrgSequenceModel(keys, w, transitions, "round trip");
    assertThat(read.description()).isEqualTo("round trip");

    long[] features = new long[3 * P];
    for (int i = 0; i < features.length; i++) {
      features[i] = keys[r.nextInt(n)];
    }
    float[] a = new float[3 * L];
    float[] b = new float[3 * L];
    read.score(features, 3, a);
    direct.score(features, 3, b);
    // the file keeps 16-bit weights, the table 8-bit ones: rounding twice may move a weight by a step
    assertThat(a).containsExactly(b, within(P * maxAbs(w) / Byte.MAX_VALUE));
    assertThat(read.viterbi(a, 3)).containsExactly(direct.viterbi(b, 3));
  }

  /** Brute force: every label sequence the grammar allows, weighted by exp(score / T). */
  private static double bruteForce(float[] scores, int n, float[] t, float temperature, int[] name, int from) {
    double total = 0;
    double match = 0;
    int[] y = new int[n];
    int combos = (int) Math.pow(L, n);
    for (int c = 0; c < combos; c++) {
      int x = c;
      for (int i = 0; i < n; i++) {
        y[i] = x % L;
        x /= L;
      }
      boolean ok = y[0] == OrgSequenceModel.O || y[0] == OrgSequenceModel.B || y[0] == OrgSequenceModel.S;
      ok &= y[n - 1] == OrgSequenceModel.O || y[n - 1] == OrgSequenceModel.E || y[n - 1] == OrgSequenceModel.S;
      double score = ok ? t[L * L + y[0]] + scores[y[0]] : 0;
      for (int i = 1; ok && i < n; i++) {
        ok = OrgSequenceModel.allowed(y[i - 1], y[i]);
        score += t[y[i - 1] * L + y[i]] + scores[i * L + y[i]];
      }
      if (!ok) {
        continue;
      }
      double w = Math.exp(score / temperature);
      total += w;
      boolean same = true;
      for (int i = 0; i < name.length; i++) {
        same &= y[from + i] == name[i];
      }
      if (same) {
        match += w;
      }
    }
    return match / total;
  }

  @Test
  void nameProbabilitiesAreTheExactMarginalsOfTheNames() {
    Random r = new Random(5);
    int n = 6;
    float[] scores = new float[n * L];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = (float) (r.nextGaussian() * 3);
    }
    float[] t = new float[L * L + L];
    for (int i = 0; i < t.length; i++) {
      t[i] = (float) r.nextGaussian();
    }
    int o = OrgSequenceModel.O;
    int[] labels = {OrgSequenceModel.S, o, OrgSequenceModel.B, OrgSequenceModel.I, OrgSequenceModel.E, o};
    double[] p = OrgSequenceModel.nameProbabilities(scores, n, labels, t, 2f);
    assertThat(p).hasSize(2);
    assertThat(p[0]).isCloseTo(bruteForce(scores, n, t, 2f, new int[] {OrgSequenceModel.S}, 0), within(1e-6));
    assertThat(p[1]).isCloseTo(bruteForce(scores, n, t, 2f,
        new int[] {OrgSequenceModel.B, OrgSequenceModel.I, OrgSequenceModel.E}, 2), within(1e-6));
    // a line longer than the window: the window's answer stays close to the whole line's
    int m = 40;
    float[] big = new float[m * L];
    for (int i = 0; i < big.length; i++) {
      big[i] = (float) (r.nextGaussian() * 3);
    }
    int[] longLabels = new int[m];
    longLabels[20] = OrgSequenceModel.B;
    longLabels[21] = OrgSequenceModel.E;
    double windowed = OrgSequenceModel.nameProbabilities(big, m, longLabels, t, 2f)[0];
    assertThat(windowed).isStrictlyBetween(0.0, 1.0);
  }

  private static float maxAbs(float[] w) {
    float m = 0;
    for (float x : w) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }
}
