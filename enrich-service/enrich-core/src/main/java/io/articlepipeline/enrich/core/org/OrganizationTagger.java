package io.articlepipeline.enrich.core.org;

import io.articlepipeline.enrich.core.OrganizationType;
import io.articlepipeline.text.Token;
import java.util.List;

/** Finds organization spans in an analysis text. Implementations are thread-safe. */
public interface OrganizationTagger {

  /**
   * @param text   analysis text (Simplified, half-width)
   * @param tokens its HanLP tokens
   * @return non-overlapping spans in text order
   */
  List<OrgSpan> tag(String text, List<Token> tokens);

  /** The type a list (gazetteer) gives this name (analysis form), or null. */
  default OrganizationType knownType(String name) {
    return null;
  }
}
