package io.articlepipeline.text;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A fixed set of literal strings found in one pass (Aho-Corasick): much cheaper than a regex
 * alternation of the same words on long texts. Immutable and thread-safe.
 */
public final class Literals {

  private final AhoCorasickDoubleArrayTrie<String> trie = new AhoCorasickDoubleArrayTrie<>();

  /** A match: [start, end) and the literal. */
  public record Hit(int start, int end) {
  }

  public Literals(String... words) {
    TreeMap<String, String> map = new TreeMap<>();
    for (String w : words) {
      map.put(w, w);
    }
    trie.build(map);
  }

  /** True when any literal occurs in {@code text}. */
  public boolean containsAny(String text) {
    boolean[] found = {false};
    trie.parseText(text, (b, e, v) -> found[0] = true);
    return found[0];
  }

  /** Leftmost-longest, non-overlapping matches in text order. */
  public List<Hit> find(String text) {
    List<Hit> all = new ArrayList<>();
    trie.parseText(text, (b, e, v) -> all.add(new Hit(b, e)));
    all.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
        : Integer.compare(b.end(), a.end()));
    List<Hit> out = new ArrayList<>();
    int covered = 0;
    for (Hit h : all) {
      if (h.start() >= covered) {
        out.add(h);
        covered = h.end();
      }
    }
    return out;
  }
}
