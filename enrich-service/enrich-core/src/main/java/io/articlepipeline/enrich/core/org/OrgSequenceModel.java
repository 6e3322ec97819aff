package io.articlepipeline.enrich.core.org;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A linear-chain model over characters with labels O, B, I, E, S (organization begin, inside,
 * end, single), trained as an averaged perceptron ({@code train.TrainOrgModel}). Decoding is
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
   * Open addressing in one int array, STRIDE ints per slot: a 32-bit fingerprint of the feature
   * hash (never 0), then its LABELS weights as float bits. Key and weights share a cache line,
   * so a lookup costs one memory access instead of two.
   */
  private static final int STRIDE = 1 + LABELS;
  private final int[] slots;
  private final int mask;
  private final int size;
  private final float[] transitions;
  private final String description;

  /**
   * @param keys        feature hashes
   * @param weights     keys.length * LABELS emission weights, feature-major
   * @param transitions LABELS * LABELS (from * LABELS + to) plus LABELS start weights
   */
  public OrgSequenceModel(long[] keys, float[] weights, float[] transitions, String description) {
    int cap = Integer.highestOneBit(Math.max(4, keys.length * 2 - 1)) << 1;
    this.slots = new int[cap * STRIDE];
    this.mask = cap - 1;
    int n = 0;
    for (int i = 0; i < keys.length; i++) {
      int fp = fingerprint(keys[i]);
      int slot = slot(keys[i]);
      while (slots[slot * STRIDE] != 0 && slots[slot * STRIDE] != fp) {
        slot = (slot + 1) & mask;
      }
      if (slots[slot * STRIDE] == 0) {
        n++;
      }
      slots[slot * STRIDE] = fp;
      for (int y = 0; y < LABELS; y++) {
        slots[slot * STRIDE + 1 + y] = Float.floatToRawIntBits(weights[i * LABELS + y]);
      }
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

  private int slot(long key) {
    return (int) key & mask;
  }

  private static int fingerprint(long key) {
    return (int) (key >>> 32) | 1;
  }

  /** Offset of the key's slot in {@link #slots}, or -1. */
  private int find(long key) {
    int fp = fingerprint(key);
    int i = slot(key);
    int k;
    while ((k = slots[i * STRIDE]) != 0) {
      if (k == fp) {
        return i * STRIDE;
      }
      i = (i + 1) & mask;
    }
    return -1;
  }

  /** Emission scores for n positions: scores[i * LABELS + label]. */
  public void score(long[] features, int n, float[] scores) {
    for (int i = 0; i < n; i++) {
      int base = i * CharFeatures.PER_POSITION;
      int sb = i * LABELS;
      float s0 = 0;
      float s1 = 0;
      float s2 = 0;
      float s3 = 0;
      float s4 = 0;
      for (int k = 0; k < CharFeatures.PER_POSITION; k++) {
        long f = features[base + k];
        if (f == 0) {
          continue;
        }
        int id = find(f);
        if (id < 0) {
          continue;
        }
        s0 += Float.intBitsToFloat(slots[id + 1]);
        s1 += Float.intBitsToFloat(slots[id + 2]);
        s2 += Float.intBitsToFloat(slots[id + 3]);
        s3 += Float.intBitsToFloat(slots[id + 4]);
        s4 += Float.intBitsToFloat(slots[id + 5]);
      }
      scores[sb] = s0;
      scores[sb + 1] = s1;
      scores[sb + 2] = s2;
      scores[sb + 3] = s3;
      scores[sb + 4] = s4;
    }
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
