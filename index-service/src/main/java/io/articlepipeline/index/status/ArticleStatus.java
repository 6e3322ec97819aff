package io.articlepipeline.index.status;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where an article is, from what the index holds and what the dead-letter topics say: the
 * answer of {@code GET /api/articles/{id}/status}.
 * <ul>
 *   <li>{@code indexed}: searchable at the asked revision or a newer one;</li>
 *   <li>{@code failed}: a stage dead-lettered that revision (or, with no revision asked, a
 *       submission newer than what is searchable);</li>
 *   <li>{@code processing}: accepted, neither searchable at that revision nor failed yet.</li>
 * </ul>
 * Empty when nothing is known of the id and no revision was asked: it may never have been
 * submitted.
 */
public final class ArticleStatus {

  private ArticleStatus() {
  }

  /** Revision and time of the searchable copy. */
  public record Indexed(long revision, String indexedAt) {
  }

  public static Optional<Map<String, Object>> of(String id, Long asked, Optional<Indexed> indexed,
      Optional<Failure> failure) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    String status;
    if (indexed.isPresent() && asked != null && indexed.get().revision() >= asked) {
      status = "indexed";
    } else if (failure.isPresent() && applies(failure.get(), asked, indexed)) {
      status = "failed";
    } else if (indexed.isPresent() && asked == null) {
      status = "indexed";
    } else if (asked != null) {
      status = "processing";
    } else {
      return Optional.empty();
    }
    out.put("status", status);
    if (asked != null) {
      out.put("revision", asked);
    }
    indexed.ifPresent(i -> {
      out.put("indexedRevision", i.revision());
      out.put("indexedAt", i.indexedAt());
    });
    if (status.equals("failed")) {
      Failure f = failure.get();
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("stage", f.stage());
      detail.put("reason", f.reason());
      detail.put("deadLetterTopic", f.topic());
      if (f.revision() != null) {
        detail.put("revision", f.revision());
      }
      detail.put("at", f.at().toString());
      out.put("failure", detail);
    }
    return Optional.of(out);
  }

  /**
   * Whether the dead letter is about the asked revision (or, with none asked, about something
   * newer than what is searchable). A dead letter whose revision is unknown (an undecodable
   * record) counts whenever the asked revision is not searchable.
   */
  private static boolean applies(Failure f, Long asked, Optional<Indexed> indexed) {
    if (asked != null) {
      return f.revision() == null || f.revision() >= asked;
    }
    return indexed.isEmpty() || f.revision() != null && f.revision() > indexed.get().revision();
  }
}
