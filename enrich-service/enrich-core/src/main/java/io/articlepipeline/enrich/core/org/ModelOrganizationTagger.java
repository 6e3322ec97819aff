package io.articlepipeline.enrich.core.org;

import io.articlepipeline.text.Token;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Organizations from the trained character model, line by line. Thread-safe. */
public final class ModelOrganizationTagger implements OrganizationTagger {

  /** Longest line decoded at once; longer lines are cut at sentence ends (bounded buffers). */
  private static final int MAX_SPAN = 400;

  private final OrgSequenceModel model;

  /** Per-thread scratch arrays (lines are at most MAX_SPAN characters): no garbage per article. */
  private static final class Buffers {
    long[] features = new long[MAX_SPAN * CharFeatures.PER_POSITION];
    float[] scores = new float[MAX_SPAN * OrgSequenceModel.LABELS];
  }

  private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

  public ModelOrganizationTagger(OrgSequenceModel model) {
    this.model = model;
  }

  /** Loads the shipped model from the class path. */
  public static OrgSequenceModel loadModel(String resource) {
    try (InputStream in = ModelOrganizationTagger.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("organization model " + resource + " is not on the class path");
      }
      return OrgSequenceModel.read(new GZIPInputStream(in, 1 << 16));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read organization model " + resource, e);
    }
  }

  public OrgSequenceModel model() {
    return model;
  }

  @Override
  public List<OrgSpan> tag(String text, List<Token> tokens) {
    List<OrgSpan> out = new ArrayList<>();
    Buffers buffers = BUFFERS.get();
    long[] features = buffers.features;
    float[] scores = buffers.scores;
    int from = 0;
    int n = text.length();
    while (from < n) {
      int to = chunkEnd(text, from);
      int len = to - from;
      if (len > 0 && hasHan(text, from, to)) {
        if (features.length < len * CharFeatures.PER_POSITION) {
          features = new long[len * CharFeatures.PER_POSITION];
          scores = new float[len * OrgSequenceModel.LABELS];
          buffers.features = features;
          buffers.scores = scores;
        }
        CharFeatures.extract(text, from, to, tokens, CharFeatures.firstToken(tokens, from), features);
        model.score(features, len, scores);
        int[] labels = model.viterbi(scores, len);
        spans(text, from, labels, model.nameProbabilities(scores, len, labels), out);
      }
      from = to;
      while (from < n && text.charAt(from) == '\n') {
        from++;
      }
    }
    return out;
  }

  /** The model reads Chinese; lines without a Han character (dates, URLs, English) are skipped. */
  private static boolean hasHan(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c >= 0x4E00 && c <= 0x9FFF) {
        return true;
      }
    }
    return false;
  }

  private static int chunkEnd(String text, int from) {
    int eol = text.indexOf('\n', from);
    int end = eol < 0 ? text.length() : eol;
    if (end - from <= MAX_SPAN) {
      return end;
    }
    for (int i = from + MAX_SPAN; i > from + MAX_SPAN / 2; i--) {
      char c = text.charAt(i - 1);
      if (c == '。' || c == '!' || c == '?' || c == ';' || c == '；') {
        return i;
      }
    }
    return from + MAX_SPAN;
  }

  private static void spans(String text, int from, int[] labels, double[] probabilities, List<OrgSpan> out) {
    int start = -1;
    int name = 0;
    for (int i = 0; i < labels.length; i++) {
      int y = labels[i];
      if (y == OrgSequenceModel.B || y == OrgSequenceModel.S) {
        start = i;
      }
      if ((y == OrgSequenceModel.E || y == OrgSequenceModel.S) && start >= 0) {
        // the name's probability under the model (forward-backward), before calibration
        double p = Math.round(probabilities[name++] * 1000.0) / 1000.0;
        OrgSpan s = OrgNames.trim(text, from + start, from + i + 1, p, "model");
        if (s != null) {
          out.add(s);
        }
        start = -1;
      }
    }
  }
}
