package io.articlepipeline.enrich.core.page;

/**
 * One line of a page with its place in the submitted text and what the cleaner made of it.
 *
 * @param start   offset of the trimmed line in the submitted text
 * @param end     end offset (exclusive)
 * @param content true when the line is article content (analysed for keywords); false for
 *                boilerplate, repeats and cut copies
 */
public record PageLine(int start, int end, boolean content) {
}
