package io.articlepipeline.enrich.core.page;

import io.articlepipeline.enrich.core.PageFields;
import java.util.List;

/**
 * A page split into lines, each marked content or not, plus the fields the page shows.
 *
 * @param text   the submitted text
 * @param lines  every non-blank line in order
 * @param fields title, category, source, author (null where not shown)
 */
public record CleanPage(String text, List<PageLine> lines, PageFields fields) {

  /** The content lines joined by newlines, surface forms kept. */
  public String cleanBody() {
    StringBuilder sb = new StringBuilder();
    for (PageLine line : lines) {
      if (line.content()) {
        if (sb.length() > 0) {
          sb.append('\n');
        }
        sb.append(text, line.start(), line.end());
      }
    }
    return sb.toString();
  }
}
