package io.articlepipeline.enrich.core;

/**
 * Fields recognised in a pasted page; each is null when the page does not show it.
 *
 * @param title    headline
 * @param category section from a breadcrumb (首页 > 志愿服务 > 正文 gives 志愿服务)
 * @param source   the publishing outlet (来源 line, footer or disclaimer)
 * @param author   author credit (作者 line or a trailing credit in parentheses)
 */
public record PageFields(String title, String category, String source, String author) {
}
