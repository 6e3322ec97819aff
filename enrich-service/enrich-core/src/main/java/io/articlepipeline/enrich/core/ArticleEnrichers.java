package io.articlepipeline.enrich.core;

import io.articlepipeline.enrich.core.keywords.DocumentFrequencies;
import io.articlepipeline.enrich.core.keywords.KeywordExtractor;
import io.articlepipeline.enrich.core.org.CombinedOrganizationTagger;
import io.articlepipeline.enrich.core.org.Gazetteer;
import io.articlepipeline.enrich.core.org.OrgCalibration;
import io.articlepipeline.enrich.core.org.ModelOrganizationTagger;
import io.articlepipeline.enrich.core.page.PageCleaner;
import io.articlepipeline.enrich.core.text.Segmenter;
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
    return load(extraGazetteer, true);
  }

  /**
   * As {@link #load(Path)}; {@code curatedNames} false leaves the hand-written gazetteer
   * ({@code org-gazetteer-curated.tsv}) out, so an evaluation shows what the model, the
   * training-derived list and the rules find on their own ({@code EvalMain --no-curated}).
   */
  public static ArticleEnricher load(Path extraGazetteer, boolean curatedNames) {
    DocumentFrequencies df = DocumentFrequencies.fromResource("/enrich-core/keywords-df.tsv.gz");
    return new DefaultArticleEnricher(new PageCleaner(), Segmenter.plain(),
        organizations(extraGazetteer, curatedNames), new KeywordExtractor(df), VERSION);
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
