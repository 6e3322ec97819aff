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

  private static float maxAbs(float[] w) {
    float m = 0;
    for (float x : w) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }
}
