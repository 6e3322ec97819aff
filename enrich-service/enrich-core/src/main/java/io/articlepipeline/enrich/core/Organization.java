package io.articlepipeline.enrich.core;

/**
 * An organization mentioned in an article.
 *
 * @param name       surface form as printed in the text
 * @param type       one of {@link OrganizationType}
 * @param start      offset of the first mention in the submitted body (UTF-16 index, inclusive);
 *                   -1 when the organization is only named in the title
 * @param end        end of the first mention (exclusive); -1 with start
 * @param confidence 0..1
 */
public record Organization(String name, OrganizationType type, int start, int end, double confidence) {
}
