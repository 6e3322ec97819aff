package io.articlepipeline.enrich.core;

/**
 * What the enrich stage analyses: an article's title and body as submitted.
 *
 * @param title    headline, may be null or empty
 * @param body     the body text as submitted (may still contain page boilerplate)
 * @param language BCP-47 language tag if the submitter gave one ("zh", "zh-Hant", "en"), else null
 */
public record EnrichmentRequest(String title, String body, String language) {
}
