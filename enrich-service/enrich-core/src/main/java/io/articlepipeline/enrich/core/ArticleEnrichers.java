package io.articlepipeline.enrich.core;

import io.articlepipeline.enrich.core.keywords.DocumentFrequencies;
import io.articlepipeline.enrich.core.keywords.KeyphrasenessPrior;
import io.articlepipeline.enrich.core.keywords.KeywordExtractor;
import io.articlepipeline.enrich.core.keywords.KeywordRanker;
import io.articlepipeline.enrich.core.org.CombinedOrganizationTagger;
import io.articlepipeline.enrich.core.org.Gazetteer;
import io.articlepipeline.enrich.core.org.OrgCalibration;
import io.articlepipeline.enrich.core.org.ModelOrganizationTagger;
import io.articlepipeline.enrich.core.page.PageCleaner;
import io.articlepipeline.text.Segmenter;
import java.nio.file.Path;

/** Builds the enricher the enrich stage, the search service and the eval command share. */
public final class ArticleEnrichers {

  /** Version reported in every {@link Enrichment}. */
  public static final String VERSION = "enrich-core/0.1 orgs=perceptron";

  private ArticleEnrichers() {
  }

  /**
   * Loads the shipped resources once and returns a thread-safe, reusable enricher.
   *
   * @param extraGazetteer an operator's file of extra organization names, one per line with an
   *                       optional TAB and type; null for none
   */
  public static ArticleEnricher load(Path extraGazetteer) {
    return load(extraGazetteer, true, false);
  }

  /**
   * As {@link #load(Path)}, choosing which names and how keywords are ordered.
   *
   * @param curatedNames         false leaves the hand-written gazetteer ({@code org-gazetteer-curated.tsv})
   *                             out, so an evaluation shows what the model, the training-derived list
   *                             and the rules find on their own ({@code EvalMain --no-curated})
   * @param learnedKeywordRanker true: the best candidates by the hand-weighted score are re-ordered
   *                             by the learned ranker ({@code keywords-ranker.tsv}, made by
   *                             {@code TrainKeywordRanker}) and each keyword's score is its
   *                             probability of being a keyword; false (the default): the
   *                             hand-weighted score orders and is the score
   */
  public static ArticleEnricher load(Path extraGazetteer, boolean curatedNames, boolean learnedKeywordRanker) {
    DocumentFrequencies df = DocumentFrequencies.fromResource("/enrich-core/keywords-df.tsv.gz");
    KeywordExtractor keywords = new KeywordExtractor(df);
    if (learnedKeywordRanker) {
      KeywordRanker ranker = KeywordRanker.fromResource("/enrich-core/keywords-ranker.tsv");
      KeyphrasenessPrior headlines = KeyphrasenessPrior.fromResource("/enrich-core/keywords-prior-headlines.tsv.gz");
      KeyphrasenessPrior texts = KeyphrasenessPrior.fromResource("/enrich-core/keywords-prior-texts.tsv.gz");
      if (ranker == null || headlines == null || texts == null) {
        throw new IllegalStateException("the learned keyword ranker's resources (keywords-ranker.tsv,"
            + " keywords-prior-headlines.tsv.gz, keywords-prior-texts.tsv.gz) are not on the class path");
      }
      keywords = new KeywordExtractor(df, headlines, texts, ranker);
    }
    return new DefaultArticleEnricher(new PageCleaner(), Segmenter.plain(),
        organizations(extraGazetteer, curatedNames), keywords, VERSION);
  }

  /**
   * For training a keyword ranker: the keyword candidates, with their features, that the shipped
   * enricher would rank for each request, computed with the given headline table instead of the
   * shipped one (the ranker itself plays no part in the features).
   */
  public static java.util.function.Function<EnrichmentRequest, KeywordExtractor.Candidates> keywordCandidates(
      KeyphrasenessPrior headlines, KeyphrasenessPrior texts) {
    DocumentFrequencies df = DocumentFrequencies.fromResource("/enrich-core/keywords-df.tsv.gz");
    DefaultArticleEnricher enricher = new DefaultArticleEnricher(new PageCleaner(), Segmenter.plain(),
        organizations(null, true), new KeywordExtractor(df, headlines, texts, null), VERSION);
    return enricher::keywordCandidates;
  }

  private static CombinedOrganizationTagger organizations(Path extraGazetteer, boolean curatedNames) {
    Gazetteer.Builder names = new Gazetteer.Builder()
        .addResource("/enrich-core/org-gazetteer.tsv", false);
    if (curatedNames) {
      names.addResource("/enrich-core/org-gazetteer-curated.tsv", true);
    }
    if (extraGazetteer != null) {
      names.addFile(extraGazetteer);
    }
    return new CombinedOrganizationTagger(
        new ModelOrganizationTagger(ModelOrganizationTagger.loadModel("/enrich-core/org-model.bin.gz")),
        names.build(), OrgCalibration.fromResource("/enrich-core/org-calibration.tsv"));
  }
}
