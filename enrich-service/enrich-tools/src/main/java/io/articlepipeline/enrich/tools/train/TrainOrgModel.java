package io.articlepipeline.enrich.tools.train;

import io.articlepipeline.enrich.tools.eval.JsonLines;
import io.articlepipeline.enrich.core.org.CharFeatures;
import io.articlepipeline.enrich.core.org.CombinedOrganizationTagger;
import io.articlepipeline.enrich.core.org.Gazetteer;
import io.articlepipeline.enrich.core.org.ModelOrganizationTagger;
import io.articlepipeline.enrich.core.org.OrgCalibration;
import io.articlepipeline.enrich.core.org.OrgSpan;
import io.articlepipeline.enrich.core.org.OrgSequenceModel;
import io.articlepipeline.text.CharNormalizer;
import io.articlepipeline.text.Segmenter;
import io.articlepipeline.text.Token;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

/**
 * Trains the organization sequence model (averaged perceptron, BIOES over characters) and the
 * training-derived gazetteer from the JSON Lines files of data/ner-train.
 *
 * <pre>
 * TrainOrgModel TRAIN_DIR OUT_DIR [EPOCHS] [DEV.jsonl] [MIN_WEIGHT]
 * </pre>
 * writes OUT_DIR/org-model.bin.gz, OUT_DIR/org-gazetteer.tsv and OUT_DIR/org-calibration.tsv
 * (the confidence mapping, fitted on a tenth of the sentences held out of a first training run).
 * Deterministic (fixed seeds). {@code -Dorg.fold=K} (0-9, default 0) holds out another tenth of the
 * split for cross-validating a design; {@code -Dorg.heldOutOnly=true} stops after the held-out figure;
 * the model is an ensemble over shuffling seeds: one averaged-perceptron run per seed of
 * {@code -Dorg.seeds=S1,S2,...} (default 42,43,44,45,46), their averaged weights averaged into one
 * table before pruning; {@code -Dorg.seed=S} trains a single run with that seed instead.
 */
public final class TrainOrgModel {

  /**
   * The shipped model's shuffling seeds: five runs averaged score better on held-out tenths of the
   * training data than any single seed measured (0.771 against 0.763-0.767) and vary less.
   */
  static final long[] DEFAULT_SEEDS = {42, 43, 44, 45, 46};

  private static final Set<String> ORG_TYPES = Set.of("ORG", "organization", "government", "company");
  private static final int P = CharFeatures.PER_POSITION;
  private static final int L = OrgSequenceModel.LABELS;
  private static final int HELD_OUT_FOLD = Integer.getInteger("org.fold", 0);

  private TrainOrgModel() {
  }

  record Sentence(String id, String text, int[] labels, List<String> orgs) {
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.out.println("usage: TrainOrgModel TRAIN_DIR OUT_DIR [EPOCHS] [DEV.jsonl|-] [MIN_WEIGHT]"
          + " [UNLABELLED.jsonl|- [THRESHOLD]]");
      System.exit(2);
    }
    Path trainDir = Path.of(args[0]);
    Path outDir = Path.of(args[1]);
    int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    Path dev = args.length > 3 && !args[3].equals("-") ? Path.of(args[3]) : null;
    float minWeight = args.length > 4 ? Float.parseFloat(args[4]) : 1.5f;
    Path unlabelled = args.length > 5 && !args[5].equals("-") ? Path.of(args[5]) : null;
    double selfThreshold = args.length > 6 ? Double.parseDouble(args[6]) : 0.95;
    PrintStream log = System.out;

    List<Sentence> sentences = new ArrayList<>();
    List<Path> files;
    // checked before the minutes of training, so a wrong path costs nothing
    try {
      files = JsonLines.files(trainDir);
      if (dev != null && !Files.isRegularFile(dev)) {
        throw new IllegalArgumentException(dev + ": no such file");
      }
      if (unlabelled != null && !Files.isRegularFile(unlabelled)) {
        throw new IllegalArgumentException(unlabelled + ": no such file");
      }
    } catch (IllegalArgumentException e) {
      System.err.println("TrainOrgModel: " + e.getMessage() + "; pass TRAIN_DIR, the directory of the labelled"
          + " training files (JSON Lines with text and entities, e.g. the training data's ner-train/), and as"
          + " DEV.jsonl a labelled file with text and orgs, or - for none");
      System.exit(2);
      return;
    }
    for (Path f : files) {
      int before = sentences.size();
      for (Map<String, Object> doc : JsonLines.objects(f)) {
        sentences.add(sentence(doc));
      }
      log.println("read " + f.getFileName() + ": " + (sentences.size() - before) + " sentences");
    }
    Segmenter segmenter = Segmenter.plain();

    // Calibration first: a model and a training gazetteer made from nine tenths of the sentences
    // tag the tenth held out, and the names found there, right or wrong, fit the mapping from raw
    // score to probability. Then the shipped model is trained on all sentences.
    List<Sentence> fit = new ArrayList<>();
    List<Sentence> heldOut = new ArrayList<>();
    Random split = new Random(7);
    for (Sentence s : sentences) {
      (split.nextInt(10) == HELD_OUT_FOLD ? heldOut : fit).add(s);
    }
    log.println("calibration: training on " + fit.size() + " sentences, fitting on " + heldOut.size() + " held out");
    List<String> plain = unlabelled == null ? List.of() : plainTexts(unlabelled);
    Trained part = selfTrain(train(fit, segmenter, epochs, minWeight, log), fit, plain, selfThreshold, segmenter,
        epochs, minWeight, log);
    Path partGazetteer = Files.createTempFile("org-gazetteer-part", ".tsv");
    List<String> calibration;
    try {
      writeGazetteer(fit, partGazetteer, log);
      List<OrgCalibration.Observation> observations = observe(part.model(), partGazetteer, heldOut, segmenter);
      calibration = new ArrayList<>();
      calibration.add("# organization confidence calibration, made by TrainOrgModel: source, upper bound of the raw"
          + " score, probability, names in the step");
      calibration.add("# fitted on " + observations.size() + " names found in " + heldOut.size()
          + " held-out training sentences (tagger trained on the other " + fit.size() + ")");
      calibration.addAll(OrgCalibration.fit(observations, 50));
      OrgCalibration fitted = OrgCalibration.parse(calibration);
      double brier = 0;
      for (OrgCalibration.Observation o : observations) {
        double d = fitted.probability(o.source(), o.raw()) - (o.correct() ? 1 : 0);
        brier += d * d;
      }
      long right = observations.stream().filter(OrgCalibration.Observation::correct).count();
      long gold = heldOut.stream().mapToLong(s -> new LinkedHashSet<>(s.orgs()).size()).sum();
      double pr = (double) right / Math.max(1, observations.size());
      double re = (double) right / Math.max(1, gold);
      log.printf(java.util.Locale.ROOT, "held-out sentences, whole tagger: precision=%.3f recall=%.3f f1=%.3f%n", pr, re,
          pr + re == 0 ? 0 : 2 * pr * re / (pr + re));
      log.printf(java.util.Locale.ROOT, "calibration: %d names, Brier score on them %.4f%n", observations.size(),
          brier / Math.max(1, observations.size()));
    } finally {
      Files.deleteIfExists(partGazetteer);
    }
    part = null;
    if (Boolean.getBoolean("org.heldOutOnly")) {
      return;
    }

    Trained all = selfTrain(train(sentences, segmenter, epochs, minWeight, log), sentences, plain, selfThreshold,
        segmenter, epochs, minWeight, log);
    long[] outKeys = all.keys();
    float[] outWeights = all.weights();
    float[] tavg = all.transitions();
    String description = "org-perceptron sentences=" + sentences.size() + " epochs=" + epochs
        + " minWeight=" + minWeight
        + " seeds=" + Arrays.stream(seeds()).mapToObj(Long::toString).collect(Collectors.joining(","))
        + " features=" + outKeys.length;
    Files.createDirectories(outDir);
    Path modelFile = outDir.resolve("org-model.bin.gz");
    try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(modelFile)))) {
      OrgSequenceModel.write(out, outKeys, outWeights, tavg, description);
    }
    log.println("wrote " + modelFile + " (" + Files.size(modelFile) + " bytes): " + description);
    writeGazetteer(sentences, outDir.resolve("org-gazetteer.tsv"), log);
    Path calibrationFile = outDir.resolve("org-calibration.tsv");
    Files.write(calibrationFile, calibration, StandardCharsets.UTF_8);
    log.println("wrote " + calibrationFile + ": " + (calibration.size() - 2) + " steps");

    if (dev != null) {
      OrgSequenceModel model = new OrgSequenceModel(outKeys, outWeights, tavg, description);
      evaluate(model, segmenter, dev, log);
    }
  }

  record Trained(long[] keys, float[] weights, float[] transitions, int epochs, float minWeight) {
    OrgSequenceModel model() {
      return new OrgSequenceModel(keys, weights, transitions, "part");
    }
  }

  /** Averaged perceptron over the sentences (deterministic: fixed shuffling seed or seeds). */
  static Trained train(List<Sentence> sentences, Segmenter segmenter, int epochs, float minWeight, PrintStream log) {

    // Features of every position, hashed; ids only for features seen at least twice.
    long[][] raw = new long[sentences.size()][];
    Map<Long, int[]> counts = new HashMap<>();
    for (int s = 0; s < sentences.size(); s++) {
      raw[s] = features(sentences.get(s).text(), segmenter);
      for (long f : raw[s]) {
        if (f != 0) {
          counts.computeIfAbsent(f, k -> new int[1])[0]++;
        }
      }
    }
    Map<Long, Integer> ids = new HashMap<>();
    List<Long> keys = new ArrayList<>();
    for (Map.Entry<Long, int[]> e : counts.entrySet()) {
      if (e.getValue()[0] >= 2) {
        ids.put(e.getKey(), keys.size());
        keys.add(e.getKey());
      }
    }
    counts = null;
    int[][] feats = new int[raw.length][];
    for (int s = 0; s < raw.length; s++) {
      int[] f = new int[raw[s].length];
      for (int k = 0; k < f.length; k++) {
        Integer id = raw[s][k] == 0 ? null : ids.get(raw[s][k]);
        f[k] = id == null ? -1 : id;
      }
      feats[s] = f;
    }
    raw = null;
    log.println("features: " + keys.size());

    int nf = keys.size();
    int nt = L * L + L;
    // One perceptron per shuffling seed, their averaged weight tables averaged into one before
    // pruning (one table, same format and cost as a single run; one seed gives its run exactly).
    long[] seeds = seeds();
    float[] avg = new float[nf * L];
    float[] tavg = new float[nt];
    for (long seed : seeds) {
      log.println("shuffling seed " + seed);
      float[][] run = perceptron(sentences, feats, nf, epochs, seed, log);
      for (int i = 0; i < avg.length; i++) {
        avg[i] += run[0][i];
      }
      for (int i = 0; i < nt; i++) {
        tavg[i] += run[1][i];
      }
    }
    for (int i = 0; i < avg.length; i++) {
      avg[i] /= seeds.length;
    }
    for (int i = 0; i < nt; i++) {
      tavg[i] /= seeds.length;
    }
    // Drop features whose averaged weights are all negligible: smaller model, same decisions.
    TreeMap<Long, Integer> kept = new TreeMap<>(Long::compareUnsigned);
    for (int i = 0; i < nf; i++) {
      float max = 0;
      for (int y = 0; y < L; y++) {
        max = Math.max(max, Math.abs(avg[i * L + y]));
      }
      if (max >= minWeight) {
        kept.put(keys.get(i), i);
      }
    }
    long[] outKeys = new long[kept.size()];
    float[] outWeights = new float[kept.size() * L];
    int j = 0;
    for (Map.Entry<Long, Integer> e : kept.entrySet()) {
      outKeys[j] = e.getKey();
      System.arraycopy(avg, e.getValue() * L, outWeights, j * L, L);
      j++;
    }
    return new Trained(outKeys, outWeights, tavg, epochs, minWeight);
  }

  /**
   * The shuffling seeds: {@code -Dorg.seeds=S1,S2,...} (an ensemble whose averaged weights are
   * averaged), else {@code -Dorg.seed=S} alone, else the shipped model's {@link #DEFAULT_SEEDS}.
   */
  static long[] seeds() {
    String list = System.getProperty("org.seeds");
    if (list == null || list.isBlank()) {
      Long single = Long.getLong("org.seed");
      return single == null ? DEFAULT_SEEDS.clone() : new long[] {single};
    }
    long[] seeds;
    try {
      seeds = Arrays.stream(list.split(",")).map(String::trim).filter(x -> !x.isEmpty())
          .mapToLong(Long::parseLong).toArray();
    } catch (NumberFormatException e) {
      seeds = new long[0];
    }
    if (seeds.length == 0) {
      throw new IllegalArgumentException("-Dorg.seeds must be a comma-separated list of integers, not '" + list + "'");
    }
    return seeds;
  }

  /**
   * One averaged-perceptron run over the sentences in an order shuffled with {@code seed}: the
   * averaged emission weights (feature id * L + label) and transition weights.
   */
  private static float[][] perceptron(List<Sentence> sentences, int[][] feats, int nf, int epochs, long seed,
      PrintStream log) {
    float[] w = new float[nf * L];
    float[] u = new float[nf * L];
    int nt = L * L + L;
    float[] tw = new float[nt];
    float[] tu = new float[nt];
    int c = 1;
    Random random = new Random(seed);
    Integer[] order = new Integer[sentences.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    for (int epoch = 1; epoch <= epochs; epoch++) {
      java.util.Collections.shuffle(Arrays.asList(order), random);
      int errors = 0;
      for (int s : order) {
        int[] gold = sentences.get(s).labels();
        int n = gold.length;
        float[] scores = new float[n * L];
        emissions(feats[s], n, w, scores);
        int[] pred = OrgSequenceModel.viterbi(scores, n, tw);
        if (!Arrays.equals(pred, gold)) {
          errors++;
          for (int i = 0; i < n; i++) {
            if (pred[i] != gold[i]) {
              update(feats[s], i, gold[i], 1f, c, w, u);
              update(feats[s], i, pred[i], -1f, c, w, u);
            }
            int gt = i == 0 ? L * L + gold[0] : gold[i - 1] * L + gold[i];
            int pt = i == 0 ? L * L + pred[0] : pred[i - 1] * L + pred[i];
            if (gt != pt) {
              tw[gt] += 1;
              tu[gt] += c;
              tw[pt] -= 1;
              tu[pt] -= c;
            }
          }
        }
        c++;
      }
      log.println("epoch " + epoch + ": sentences with errors " + errors + "/" + order.length);
    }
    float[] avg = w;
    for (int i = 0; i < avg.length; i++) {
      avg[i] = w[i] - u[i] / c;
    }
    float[] tavg = new float[nt];
    for (int i = 0; i < nt; i++) {
      tavg[i] = tw[i] - tu[i] / c;
    }
    return new float[][] {avg, tavg};
  }

  /** The texts of a JSON Lines file (any lines with a "text"), normalised. */
  static List<String> plainTexts(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> doc : JsonLines.objects(file)) {
      if (doc.get("text") instanceof String t && !t.isBlank()) {
        out.add(CharNormalizer.normalize(t));
      }
    }
    return out;
  }

  /**
   * Self-training: the model tags the unlabelled texts; a text where it finds at least one name
   * and is sure of every name (probability at least {@code threshold}) joins the labelled
   * sentences with those names as its labels, and the model is trained again on both.
   */
  static Trained selfTrain(Trained first, List<Sentence> labelled, List<String> unlabelled, double threshold,
      Segmenter segmenter, int epochs, float minWeight, PrintStream log) {
    if (unlabelled.isEmpty()) {
      return first;
    }
    OrgSequenceModel model = first.model();
    List<Sentence> more = new ArrayList<>(labelled);
    int names = 0;
    for (String text : unlabelled) {
      int n = text.length();
      if (n == 0) {
        continue;
      }
      long[] f = features(text, segmenter);
      float[] scores = new float[n * L];
      model.score(f, n, scores);
      int[] labels = model.viterbi(scores, n);
      double[] p = model.nameProbabilities(scores, n, labels);
      if (p.length == 0) {
        continue;
      }
      boolean sure = true;
      for (double x : p) {
        sure &= x >= threshold;
      }
      if (sure) {
        more.add(new Sentence("self", text, labels, List.of()));
        names += p.length;
      }
    }
    log.println("self-training: " + (more.size() - labelled.size()) + " of " + unlabelled.size()
        + " unlabelled texts added (" + names + " names, every one with probability >= " + threshold + ")");
    return train(more, segmenter, epochs, minWeight, log);
  }

  /**
   * Runs the whole organization tagger (this model, the given training gazetteer, the curated
   * list on the class path, the rules) on held-out sentences: each distinct name once, with its
   * source, raw score and whether the sentence's gold names include it.
   */
  static List<OrgCalibration.Observation> observe(OrgSequenceModel model, Path gazetteer, List<Sentence> heldOut,
      Segmenter segmenter) throws IOException {
    Gazetteer.Builder names = new Gazetteer.Builder();
    try (java.io.BufferedReader r = Files.newBufferedReader(gazetteer, StandardCharsets.UTF_8)) {
      names.addLines(r, false);
    }
    names.addResource("/enrich-core/org-gazetteer-curated.tsv", true);
    CombinedOrganizationTagger tagger = new CombinedOrganizationTagger(new ModelOrganizationTagger(model),
        names.build());
    List<OrgCalibration.Observation> out = new ArrayList<>();
    for (Sentence s : heldOut) {
      Set<String> gold = new LinkedHashSet<>(s.orgs());
      Set<String> seen = new java.util.HashSet<>();
      for (OrgSpan span : tagger.tag(s.text(), segmenter.segment(s.text()))) {
        String name = s.text().substring(span.start(), span.end());
        if (seen.add(name)) {
          out.add(new OrgCalibration.Observation(span.source(), span.confidence(), gold.contains(name)));
        }
      }
    }
    return out;
  }

  static Sentence sentence(Map<String, Object> doc) {
    String text = CharNormalizer.normalize((String) doc.get("text"));
    int[] labels = new int[text.length()];
    List<String> orgs = new ArrayList<>();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> entities = (List<Map<String, Object>>) doc.getOrDefault("entities", List.of());
    for (Map<String, Object> e : entities) {
      if (!ORG_TYPES.contains((String) e.get("type"))) {
        continue;
      }
      int s = ((Number) e.get("start")).intValue();
      int t = ((Number) e.get("end")).intValue();
      orgs.add(text.substring(s, t));
      if (t - s == 1) {
        labels[s] = OrgSequenceModel.S;
      } else {
        labels[s] = OrgSequenceModel.B;
        for (int i = s + 1; i < t - 1; i++) {
          labels[i] = OrgSequenceModel.I;
        }
        labels[t - 1] = OrgSequenceModel.E;
      }
    }
    return new Sentence((String) doc.get("id"), text, labels, orgs);
  }

  static long[] features(String text, Segmenter segmenter) {
    List<Token> tokens = segmenter.segment(text);
    long[] out = new long[text.length() * P];
    CharFeatures.extract(text, 0, text.length(), tokens, 0, out);
    return out;
  }

  private static void emissions(int[] f, int n, float[] w, float[] scores) {
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < P; k++) {
        int id = f[i * P + k];
        if (id < 0) {
          continue;
        }
        for (int y = 0; y < L; y++) {
          scores[i * L + y] += w[id * L + y];
        }
      }
    }
  }

  private static void update(int[] f, int i, int label, float delta, int c, float[] w, float[] u) {
    for (int k = 0; k < P; k++) {
      int id = f[i * P + k];
      if (id >= 0) {
        w[id * L + label] += delta;
        u[id * L + label] += delta * c;
      }
    }
  }

  /**
   * Names that the corpora label as organizations nearly every time they occur: safe to tag by
   * lookup. Format: name TAB labelled-count TAB occurrences.
   */
  private static void writeGazetteer(List<Sentence> sentences, Path file, PrintStream log) throws IOException {
    Map<String, Integer> labelled = new HashMap<>();
    for (Sentence s : sentences) {
      for (String o : new LinkedHashSet<>(s.orgs())) {
        if (o.length() >= 2) {
          labelled.merge(o, 1, Integer::sum);
        }
      }
    }
    Map<String, Integer> occurring = new HashMap<>();
    for (Sentence s : sentences) {
      for (String o : labelled.keySet()) {
        if (s.text().contains(o)) {
          occurring.merge(o, 1, Integer::sum);
        }
      }
    }
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, Integer> e : new TreeMap<>(labelled).entrySet()) {
      int occ = occurring.getOrDefault(e.getKey(), e.getValue());
      boolean reliable = e.getValue() >= 2 || e.getKey().length() >= 4;
      if (reliable && e.getValue() >= 0.8 * occ) {
        lines.add(e.getKey() + "\t" + e.getValue() + "\t" + occ);
      }
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
    log.println("wrote " + file + ": " + lines.size() + " names");
  }

  private static void evaluate(OrgSequenceModel model, Segmenter segmenter, Path dev, PrintStream log)
      throws IOException {
    int correct = 0;
    int predicted = 0;
    int gold = 0;
    for (Map<String, Object> doc : JsonLines.objects(dev)) {
      String text = CharNormalizer.normalize((String) doc.get("text"));
      long[] f = features(text, segmenter);
      float[] scores = new float[text.length() * L];
      model.score(f, text.length(), scores);
      int[] labels = model.viterbi(scores, text.length());
      Set<String> p = new LinkedHashSet<>();
      int start = -1;
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] == OrgSequenceModel.B || labels[i] == OrgSequenceModel.S) {
          start = i;
        }
        if ((labels[i] == OrgSequenceModel.E || labels[i] == OrgSequenceModel.S) && start >= 0) {
          p.add(text.substring(start, i + 1));
          start = -1;
        }
      }
      @SuppressWarnings("unchecked")
      Set<String> g = new LinkedHashSet<>((List<String>) doc.get("orgs"));
      for (String x : p) {
        if (g.contains(x)) {
          correct++;
        }
      }
      predicted += p.size();
      gold += g.size();
    }
    double pr = predicted == 0 ? 0 : (double) correct / predicted;
    double re = gold == 0 ? 0 : (double) correct / gold;
    log.printf("raw model on %s: precision=%.3f recall=%.3f f1=%.3f%n", dev.getFileName(), pr, re,
        pr + re == 0 ? 0 : 2 * pr * re / (pr + re));
  }
}
