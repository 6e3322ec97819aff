package io.articlepipeline.enrich.core.org;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import io.articlepipeline.enrich.core.OrganizationType;
import io.articlepipeline.text.CharNormalizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Known organization names, matched in the analysis text (longest match wins, Latin names only
 * on word boundaries). Built from shipped lists and an operator's file; immutable.
 */
public final class Gazetteer {

  private final AhoCorasickDoubleArrayTrie<Entry> trie;
  private final int size;

  /** A known name and its type (null when the list gives none). */
  public record Entry(String name, OrganizationType type) {
  }

  private Gazetteer(TreeMap<String, Entry> entries) {
    this.trie = new AhoCorasickDoubleArrayTrie<>();
    if (!entries.isEmpty()) {
      trie.build(entries);
    }
    this.size = entries.size();
  }

  public int size() {
    return size;
  }

  /** Builder collecting names from several lists. */
  public static final class Builder {
    private final TreeMap<String, Entry> entries = new TreeMap<>();

    /** Lines "name[TAB type-or-count...]"; '#' starts a comment. */
    public Builder addLines(BufferedReader reader, boolean trustedTypes) throws IOException {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t");
        String name = parts[0].strip();
        if (!usable(name)) {
          continue;
        }
        OrganizationType type = null;
        if (trustedTypes && parts.length > 1) {
          try {
            type = OrganizationType.valueOf(parts[1].strip().toUpperCase(Locale.ROOT));
          } catch (IllegalArgumentException e) {
            type = OrganizationType.OTHER;
          }
        }
        entries.put(CharNormalizer.normalize(name), new Entry(name, type));
      }
      return this;
    }

    public Builder addResource(String resource, boolean trustedTypes) {
      InputStream in = Gazetteer.class.getResourceAsStream(resource);
      if (in == null) {
        return this;
      }
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        return addLines(r, trustedTypes);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read gazetteer " + resource, e);
      }
    }

    public Builder addFile(Path file) {
      try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        return addLines(r, true);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the extra gazetteer file " + file
            + " (ArticleEnrichers.load extraGazetteer)", e);
      }
    }

    public Gazetteer build() {
      return new Gazetteer(entries);
    }

    /** Short or lower-case Latin strings in the training lists are too ambiguous to look up. */
    private static boolean usable(String name) {
      if (name.length() < 2) {
        return false;
      }
      boolean latin = name.chars().allMatch(c -> c < 0x80);
      if (latin) {
        return name.length() >= 3 && Character.isUpperCase(name.charAt(0));
      }
      return true;
    }
  }

  /** A match: analysis offsets and the entry. */
  public record Match(int start, int end, Entry entry) {
  }

  /** Non-overlapping matches, longest first at each place. */
  public List<Match> find(String text) {
    List<Match> all = new ArrayList<>();
    if (size == 0) {
      return all;
    }
    trie.parseText(text, (begin, end, value) -> {
      if (boundaryOk(text, begin, end)) {
        all.add(new Match(begin, end, value));
      }
    });
    all.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
        : Integer.compare(b.end(), a.end()));
    List<Match> out = new ArrayList<>();
    int covered = -1;
    for (int i = 0; i < all.size(); i++) {
      Match m = all.get(i);
      if (m.start() >= covered) {
        // prefer the longest match starting here, and a longer one starting inside it (the
        // matches are sorted by start: only those up to m's end can start inside it)
        Match best = m;
        for (int j = i + 1; j < all.size() && all.get(j).start() < m.end(); j++) {
          Match o = all.get(j);
          if (o.start() > m.start() && o.end() > best.end()
              && o.end() - o.start() > best.end() - best.start()) {
            best = null;
            break;
          }
        }
        if (best != null) {
          out.add(best);
          covered = best.end();
        }
      }
    }
    return out;
  }

  private static boolean boundaryOk(String text, int begin, int end) {
    char first = text.charAt(begin);
    char last = text.charAt(end - 1);
    if (isLatin(first) && begin > 0 && isLatin(text.charAt(begin - 1))) {
      return false;
    }
    return !(isLatin(last) && end < text.length() && isLatin(text.charAt(end)));
  }

  private static boolean isLatin(char c) {
    return c < 0x80 && Character.isLetterOrDigit(c);
  }
}
