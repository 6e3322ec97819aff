package io.articlepipeline.index.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opaque deep-paging cursors: the last hit's sort values (search_after) and the sort they belong
 * to, as URL-safe base64 JSON. A cursor from another sort or a damaged one is bad input.
 */
public final class Cursors {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MAX_CURSOR_CHARS = 1024;

  private Cursors() {
  }

  public static String encode(SearchSort sort, List<Object> sortValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("s", sort.name());
    m.put("v", sortValues);
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(m));
    } catch (JacksonException e) {
      throw new IllegalStateException("Cannot encode sort values as a cursor", e);
    }
  }

  /** The sort values of a cursor made for {@code sort}; throws {@link InvalidRequestException} otherwise. */
  public static List<Object> decode(String cursor, SearchSort sort) {
    if (cursor.length() > MAX_CURSOR_CHARS) {
      throw bad("cursor is too long");
    }
    Map<String, Object> m;
    try {
      byte[] json = Base64.getUrlDecoder().decode(cursor.getBytes(StandardCharsets.US_ASCII));
      m = JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
    } catch (IllegalArgumentException | JacksonException e) {
      throw bad("cursor is not one this service issued");
    }
    if (m == null) {
      // the JSON literal null reads as no map at all
      throw bad("cursor is not one this service issued");
    }
    if (!sort.name().equals(m.get("s"))) {
      throw bad("cursor belongs to sort=" + String.valueOf(m.get("s")).toLowerCase() + ", not sort="
          + sort.name().toLowerCase());
    }
    if (!(m.get("v") instanceof List<?> values) || values.isEmpty()) {
      throw bad("cursor has no sort values");
    }
    List<Object> out = new ArrayList<>();
    for (Object v : values) {
      if (!(v instanceof Number || v instanceof String)) {
        throw bad("cursor has an invalid sort value");
      }
      out.add(v);
    }
    return out;
  }

  private static InvalidRequestException bad(String detail) {
    return new InvalidRequestException("Invalid cursor", List.of("cursor: " + detail));
  }
}
