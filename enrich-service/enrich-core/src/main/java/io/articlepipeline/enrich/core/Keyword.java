package io.articlepipeline.enrich.core;

/**
 * A key phrase of an article, in the surface form found in the text.
 *
 * @param text  the phrase
 * @param score relevance, higher is better; comparable within one article
 */
public record Keyword(String text, double score) {
}
