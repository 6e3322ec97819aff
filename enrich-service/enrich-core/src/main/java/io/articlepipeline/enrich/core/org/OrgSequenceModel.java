package io.articlepipeline.enrich.core.org;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A linear-chain model over characters with labels O, B, I, E, S (organization begin, inside,
 * end, single), trained as an averaged perceptron (enrich-tools {@code TrainOrgModel}). Decoding is
 * Viterbi with the label grammar enforced. Immutable and thread-safe.
 */
public final class OrgSequenceModel {

  public static final int O = 0;
  public static final int B = 1;
  public static final int I = 2;
  public static final int E = 3;
  public static final int S = 4;
  public static final int LABELS = 5;

  private static final int MAGIC = 0x4F524731; // "ORG1"
  private static final float NEG = -1e9f;

  /**
   * Open addressing in one long array, one 8-byte slot per feature: a 24-bit fingerprint of the
   * feature hash (its bits 40-63, never 0; the slot comes from the low bits) above the five label
   * weights as signed bytes (times {@link #scale}). Eight bytes instead of sixteen halve the table
   * (2 MB for the shipped model), which the score loop reads at random: scoring the articles-dev
   * features took 0.8 of the time with 16-byte slots. A perceptron needs no finer
   * weights: the shipped model scores the same F1 with 8-bit weights. An absent feature whose
   * fingerprint equals a stored one in its probe chain (chains are short at this load) would read
   * that one's weights: about once in ten million lookups.
   */
  private final long[] table;
  private final int mask;
  private final int size;
  private final float scale;
  private final float[] transitions;
  private final String description;

  /**
   * @param keys        feature hashes
   * @param weights     keys.length * LABELS emission weights, feature-major
   * @param transitions LABELS * LABELS (from * LABELS + to) plus LABELS start weights
   */
  public OrgSequenceModel(long[] keys, float[] weights, float[] transitions, String description) {
    float max = 1e-6f;
    for (float w : weights) {
      max = Math.max(max, Math.abs(w));
    }
    this.scale = max / Byte.MAX_VALUE;
    int cap = Integer.highestOneBit(Math.max(4, keys.length * 2 - 1)) << 1;
    this.mask = cap - 1;
    this.table = new long[cap];
    int n = 0;
    for (int i = 0; i < keys.length; i++) {
      long fp = fingerprint(keys[i]);
      int at = (int) keys[i] & mask;
      while (table[at] != 0 && table[at] >>> 40 != fp) {
        at = (at + 1) & mask;
      }
      if (table[at] == 0) {
        n++;
      }
      long slot = fp << 40;
      for (int y = 0; y < LABELS; y++) {
        long q = Math.round(weights[i * LABELS + y] / scale);
        slot |= (q & 0xff) << (8 * y);
      }
      table[at] = slot;
    }
    this.size = n;
    this.transitions = transitions;
    this.description = description;
  }

  public String description() {
    return description;
  }

  public int features() {
    return size;
  }

  private static long fingerprint(long key) {
    return key >>> 40 | 1;
  }

  /** Emission scores for n positions: scores[i * LABELS + label]. */
  public void score(long[] features, int n, float[] scores) {
    long[] t = table;
    float q = scale;
    int m = mask;
    int p = CharFeatures.PER_POSITION;
    long[] first = new long[p];
    for (int i = 0; i < n; i++) {
      int base = i * p;
      // first the home slot of every feature of the position: independent loads the processor
      // overlaps (the table lives in L3), then the comparisons, which now hit L1
      for (int k = 0; k < p; k++) {
        first[k] = t[(int) features[base + k] & m];
      }
      int s0 = 0;
      int s1 = 0;
      int s2 = 0;
      int s3 = 0;
      int s4 = 0;
      for (int k = 0; k < p; k++) {
        long f = features[base + k];
        if (f == 0) {
          continue;
        }
        long fp = fingerprint(f);
        int slot = (int) f & m;
        long v = first[k];
        while (v != 0 && v >>> 40 != fp) {
          slot = (slot + 1) & m;
          v = t[slot];
        }
        if (v == 0) {
          continue;
        }
        s0 += (byte) v;
        s1 += (byte) (v >>> 8);
        s2 += (byte) (v >>> 16);
        s3 += (byte) (v >>> 24);
        s4 += (byte) (v >>> 32);
      }
      int sb = i * LABELS;
      scores[sb] = s0 * q;
      scores[sb + 1] = s1 * q;
      scores[sb + 2] = s2 * q;
      scores[sb + 3] = s3 * q;
      scores[sb + 4] = s4 * q;
    }
  }

  /** Scores are divided by this before forward-backward (perceptron weights are not log-odds). */
  public static final float TEMPERATURE = Float.parseFloat(System.getProperty("org.temperature", "16"));

  /**
   * Probability of each name in {@code labels} (B I* E or S) under the distribution the scores
   * define when read as log-potentials of a linear-chain model ({@link #TEMPERATURE}), by
   * forward-backward over the label grammar: the share of all label sequences' mass that puts
   * exactly this name here. Returns one value per name, in order.
   */
  public double[] nameProbabilities(float[] scores, int n, int[] labels) {
    return nameProbabilities(scores, n, labels, transitions, TEMPERATURE);
  }

  /** Characters on each side of a name that its forward-backward window reaches. */
  static final int WINDOW = 8;

  static double[] nameProbabilities(float[] scores, int n, int[] labels, float[] t, float temperature) {
    double inv = 1.0 / temperature;
    // transition potentials, 0 where the grammar forbids the step; start potentials last
    double[] tp = new double[LABELS * LABELS + LABELS];
    for (int p = 0; p < LABELS; p++) {
      for (int y = 0; y < LABELS; y++) {
        tp[p * LABELS + y] = allowed(p, y) ? Math.exp(t[p * LABELS + y] * inv) : 0;
      }
    }
    for (int y = 0; y < LABELS; y++) {
      tp[LABELS * LABELS + y] = y == O || y == B || y == S ? Math.exp(t[LABELS * LABELS + y] * inv) : 0;
    }
    int names = 0;
    for (int i = 0; i < n; i++) {
      if (labels[i] == E || labels[i] == S) {
        names++;
      }
    }
    double[] out = new double[names];
    int k = 0;
    int from = -1;
    for (int i = 0; i < n; i++) {
      int y = labels[i];
      if (y == B || y == S) {
        from = i;
      }
      if ((y == E || y == S) && from >= 0) {
        out[k++] = nameProbability(scores, n, labels, tp, inv, from, i + 1);
        from = -1;
      }
    }
    return k == names ? out : java.util.Arrays.copyOf(out, k);
  }

  /**
   * Forward-backward on a window of {@link #WINDOW} characters around the name (names are
   * sparse, so this costs a fraction of the whole line's), with potentials normalised at each
   * position instead of logarithms: a window edge inside the line admits any label, the line's
   * own start and end the grammar's.
   */
  static double nameProbability(float[] scores, int n, int[] labels, double[] tp, double inv, int s, int e) {
    int w0 = Math.max(0, s - WINDOW);
    int w1 = Math.min(n, e + WINDOW);
    int m = w1 - w0;
    double[] em = new double[m * LABELS];
    for (int i = 0; i < m; i++) {
      int base = (w0 + i) * LABELS;
      float max = scores[base];
      for (int y = 1; y < LABELS; y++) {
        max = Math.max(max, scores[base + y]);
      }
      for (int y = 0; y < LABELS; y++) {
        em[i * LABELS + y] = Math.exp((scores[base + y] - max) * inv);
      }
    }
    double[] alpha = new double[m * LABELS];
    double[] z = new double[m];
    double sum = 0;
    for (int y = 0; y < LABELS; y++) {
      alpha[y] = (w0 > 0 ? 1 : tp[LABELS * LABELS + y]) * em[y];
      sum += alpha[y];
    }
    z[0] = sum;
    for (int y = 0; y < LABELS; y++) {
      alpha[y] /= sum;
    }
    for (int i = 1; i < m; i++) {
      sum = 0;
      for (int y = 0; y < LABELS; y++) {
        double a = 0;
        for (int p = 0; p < LABELS; p++) {
          a += alpha[(i - 1) * LABELS + p] * tp[p * LABELS + y];
        }
        a *= em[i * LABELS + y];
        alpha[i * LABELS + y] = a;
        sum += a;
      }
      z[i] = sum;
      for (int y = 0; y < LABELS; y++) {
        alpha[i * LABELS + y] /= sum;
      }
    }
    double[] beta = new double[m * LABELS];
    for (int y = 0; y < LABELS; y++) {
      beta[(m - 1) * LABELS + y] = w1 < n || y == O || y == E || y == S ? 1 : 0;
    }
    for (int i = m - 2; i >= 0; i--) {
      for (int y = 0; y < LABELS; y++) {
        double b = 0;
        for (int c = 0; c < LABELS; c++) {
          b += tp[y * LABELS + c] * em[(i + 1) * LABELS + c] * beta[(i + 1) * LABELS + c];
        }
        beta[i * LABELS + y] = b / z[i + 1];
      }
    }
    double p = alpha[(s - w0) * LABELS + labels[s]];
    for (int j = s + 1; j < e; j++) {
      p *= tp[labels[j - 1] * LABELS + labels[j]] * em[(j - w0) * LABELS + labels[j]] / z[j - w0];
    }
    p *= beta[(e - 1 - w0) * LABELS + labels[e - 1]];
    // the mass of the window's last position that the line's end admits (1 inside the line)
    double end = 0;
    for (int y = 0; y < LABELS; y++) {
      end += alpha[(m - 1) * LABELS + y] * beta[(m - 1) * LABELS + y];
    }
    return Math.min(1.0, p / end);
  }

  /** The label grammar: O, B, S follow O/E/S; I, E follow B/I. */
  static boolean allowed(int from, int to) {
    boolean closed = from == O || from == E || from == S;
    return to == O || to == B || to == S ? closed : !closed;
  }

  /** Best label sequence for emission scores of n positions. */
  public int[] viterbi(float[] scores, int n) {
    return viterbi(scores, n, transitions);
  }

  /** Viterbi with given transition weights (the trainer passes its current ones). */
  public static int[] viterbi(float[] scores, int n, float[] transitions) {
    int[] labels = new int[n];
    if (n == 0) {
      return labels;
    }
    // predecessors allowed by the label grammar: O, B, S follow O/E/S; I, E follow B/I
    byte[] back = new byte[n * LABELS];
    int start = LABELS * LABELS;
    float po = scores[O] + transitions[start + O];
    float pb = scores[B] + transitions[start + B];
    float pi = NEG;
    float pe = NEG;
    float ps = scores[S] + transitions[start + S];
    for (int i = 1; i < n; i++) {
      int base = i * LABELS;
      // best of O/E/S into each of O, B, S
      float[] t = transitions;
      float o0 = po + t[O * LABELS + O];
      float o1 = pe + t[E * LABELS + O];
      float o2 = ps + t[S * LABELS + O];
      float b0 = po + t[O * LABELS + B];
      float b1 = pe + t[E * LABELS + B];
      float b2 = ps + t[S * LABELS + B];
      float s0 = po + t[O * LABELS + S];
      float s1 = pe + t[E * LABELS + S];
      float s2 = ps + t[S * LABELS + S];
      float i0 = pb + t[B * LABELS + I];
      float i1 = pi + t[I * LABELS + I];
      float e0 = pb + t[B * LABELS + E];
      float e1 = pi + t[I * LABELS + E];
      byte ao = o0 >= o1 ? (o0 >= o2 ? (byte) O : (byte) S) : (o1 >= o2 ? (byte) E : (byte) S);
      byte ab = b0 >= b1 ? (b0 >= b2 ? (byte) O : (byte) S) : (b1 >= b2 ? (byte) E : (byte) S);
      byte as = s0 >= s1 ? (s0 >= s2 ? (byte) O : (byte) S) : (s1 >= s2 ? (byte) E : (byte) S);
      byte ai = i0 >= i1 ? (byte) B : (byte) I;
      byte ae = e0 >= e1 ? (byte) B : (byte) I;
      float no = Math.max(o0, Math.max(o1, o2)) + scores[base + O];
      float nb = Math.max(b0, Math.max(b1, b2)) + scores[base + B];
      float ns = Math.max(s0, Math.max(s1, s2)) + scores[base + S];
      float ni = Math.max(i0, i1) + scores[base + I];
      float ne = Math.max(e0, e1) + scores[base + E];
      back[base + O] = ao;
      back[base + B] = ab;
      back[base + S] = as;
      back[base + I] = ai;
      back[base + E] = ae;
      po = no;
      pb = nb;
      ps = ns;
      pi = ni;
      pe = ne;
    }
    int last = po >= pe ? (po >= ps ? O : S) : (pe >= ps ? E : S);
    labels[n - 1] = last;
    for (int i = n - 1; i > 0; i--) {
      labels[i - 1] = back[i * LABELS + labels[i]];
    }
    return labels;
  }


  /** Writes the model (wrap the stream in gzip for shipping). */
  public static void write(OutputStream out, long[] keys, float[] weights, float[] transitions,
      String description) throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    d.writeInt(MAGIC);
    d.writeUTF(description);
    d.writeInt(transitions.length);
    for (float t : transitions) {
      d.writeFloat(t);
    }
    d.writeInt(keys.length);
    // Weights quantised to 16 bits with one scale: plenty for a perceptron, half the size.
    float max = 1e-6f;
    for (float w : weights) {
      max = Math.max(max, Math.abs(w));
    }
    float scale = max / Short.MAX_VALUE;
    d.writeFloat(scale);
    long prevKey = 0;
    for (int i = 0; i < keys.length; i++) {
      d.writeLong(keys[i] - prevKey);
      prevKey = keys[i];
      for (int y = 0; y < LABELS; y++) {
        d.writeShort(Math.round(weights[i * LABELS + y] / scale));
      }
    }
    d.flush();
  }

  /** Reads a model written by {@link #write}. */
  public static OrgSequenceModel read(InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(in);
    if (d.readInt() != MAGIC) {
      throw new IOException("not an organization model");
    }
    String description = d.readUTF();
    float[] transitions = new float[d.readInt()];
    for (int i = 0; i < transitions.length; i++) {
      transitions[i] = d.readFloat();
    }
    int n = d.readInt();
    float scale = d.readFloat();
    long[] keys = new long[n];
    float[] weights = new float[n * LABELS];
    long prevKey = 0;
    int kept = 0;
    for (int i = 0; i < n; i++) {
      prevKey += d.readLong();
      float max = 0;
      for (int y = 0; y < LABELS; y++) {
        weights[kept * LABELS + y] = d.readShort() * scale;
        max = Math.max(max, Math.abs(weights[kept * LABELS + y]));
      }
      if (max > 0) {
        keys[kept++] = prevKey;
      }
    }
    return new OrgSequenceModel(java.util.Arrays.copyOf(keys, kept),
        java.util.Arrays.copyOf(weights, kept * LABELS), transitions, description);
  }
}
