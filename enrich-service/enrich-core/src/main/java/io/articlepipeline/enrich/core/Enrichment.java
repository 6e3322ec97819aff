package io.articlepipeline.enrich.core;

import java.util.List;

/**
 * The result of enriching one article.
 *
 * @param keywords      best first, at most about 10-20
 * @param organizations distinct organizations, in order of first mention
 * @param page          fields recognised in the page (title, category, source, author)
 * @param cleanBody     the body without boilerplate (what was analysed), surface forms kept
 * @param titleTokens   index tokens of the title (normalised: Simplified, NFKC, lower case)
 * @param bodyTokens    index tokens of {@code cleanBody}
 * @param language      detected or given language: "zh", "zh-Hant" or "en"
 * @param version       enricher version, e.g. "enrich-core/1.0 model=..."
 */
public record Enrichment(
    List<Keyword> keywords,
    List<Organization> organizations,
    PageFields page,
    String cleanBody,
    List<String> titleTokens,
    List<String> bodyTokens,
    String language,
    String version) {
}
