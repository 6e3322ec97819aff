package io.articlepipeline.enrich.core.org;

import io.articlepipeline.text.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Names in a list of names: in "华为、三星、苹果三家公司" or "…银行、…证券、…等17家爱心企业" the
 * items the tagger did not recognise (a brand without a head word: 苹果) are names too, when most
 * items of the list are names it found. An item counts
 * only where its edges are sure: between two 、, or after the last 、 up to 等 or a count of
 * bodies (三家, 17家); an item that is a person, a place, a time or a number, or that holds a
 * verb or part of a found name, or that the segmenter reads only as single characters (a name
 * it does not know, most often a person's), is left alone.
 */
final class ListNames {

  static final String SOURCE = "list";

  /** Longest item taken. */
  private static final int MAX_ITEM = 12;

  private ListNames() {
  }

  /** The names of {@code names} (sorted by start, not overlapping) plus the list items found. */
  static List<OrgSpan> add(String text, List<Token> tokens, List<OrgSpan> names) {
    if (names.size() < 2 || text.indexOf('、') < 0) {
      return names;
    }
    // the name that starts / ends at each offset, for exact item matches; where each name
    // character's name starts (-1: no name)
    int n = text.length();
    int[] endOfNameAt = new int[n + 1];
    int[] nameStart = new int[n + 1];
    java.util.Arrays.fill(endOfNameAt, -1);
    java.util.Arrays.fill(nameStart, -1);
    boolean[] endsName = new boolean[n + 1];
    for (OrgSpan s : names) {
      endOfNameAt[s.start()] = Math.max(endOfNameAt[s.start()], s.end());
      endsName[s.end()] = true;
      java.util.Arrays.fill(nameStart, s.start(), s.end(), s.start());
    }
    List<OrgSpan> added = new ArrayList<>();
    int clauseStart = 0;
    for (int i = 0; i <= n; i++) {
      if (i == n || clauseEnd(text.charAt(i))) {
        if (i > clauseStart) {
          clause(text, tokens, clauseStart, i, endOfNameAt, endsName, nameStart, added);
        }
        clauseStart = i + 1;
      }
    }
    if (added.isEmpty()) {
      return names;
    }
    List<OrgSpan> out = new ArrayList<>(names);
    out.addAll(added);
    out.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return out;
  }

  private static boolean clauseEnd(char c) {
    return "，。；：！？,;:!?\n（）()“”\"《》「」『』【】 \t".indexOf(c) >= 0;
  }

  /** One clause text[from, to): its 、 items, judged together. */
  private static void clause(String text, List<Token> tokens, int from, int to, int[] endOfNameAt,
      boolean[] endsName, int[] nameStart, List<OrgSpan> out) {
    List<Integer> seps = new ArrayList<>();
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '、') {
        seps.add(i);
      }
    }
    if (seps.isEmpty()) {
      return;
    }
    int items = 0;
    int found = 0;
    List<int[]> unknown = new ArrayList<>();
    // the first item: found when a name ends at the first 、 (where it starts is not sure)
    items++;
    if (endsName[seps.get(0)]) {
      found++;
    }
    for (int k = 0; k + 1 < seps.size(); k++) {
      int s = seps.get(k) + 1;
      int e = seps.get(k + 1);
      items++;
      if (endOfNameAt[s] == e) {
        found++;
      } else {
        unknown.add(new int[] {s, e});
      }
    }
    int s = seps.get(seps.size() - 1) + 1;
    int e = lastItemEnd(text, s, to);
    if (endOfNameAt[s] > s) {
      items++;
      found++;
    } else if (e > s) {
      items++;
      unknown.add(new int[] {s, e});
    }
    if (found < 2 || found * 2 < items) {
      return;
    }
    for (int[] item : unknown) {
      if (acceptable(text, tokens, item[0], item[1], nameStart)) {
        out.add(new OrgSpan(item[0], item[1], 0.7, SOURCE));
      }
    }
  }

  /** The last item ends at 等 or at a count of bodies (三家, 17家); else its end is not sure (-1). */
  private static int lastItemEnd(String text, int s, int to) {
    for (int i = s + 1; i < to && i <= s + MAX_ITEM; i++) {
      char c = text.charAt(i);
      if (c == '等') {
        return i;
      }
      if (isCountChar(c)) {
        int j = i;
        while (j < to && isCountChar(text.charAt(j))) {
          j++;
        }
        return j < to && text.charAt(j) == '家' ? i : -1;
      }
    }
    return -1;
  }

  private static boolean isCountChar(char c) {
    return c >= '0' && c <= '9' || "一二三四五六七八九十两百千多余几数".indexOf(c) >= 0;
  }

  /**
   * An item that may be a name: the right length, no found name in it (a name the tagger found
   * inside an item is as often right as the item: 热刺 in 热刺客场, 国内贸易部 in 原国内贸易部),
   * no verb, not a person or a place.
   */
  private static boolean acceptable(String text, List<Token> tokens, int s, int e, int[] nameStart) {
    if (e - s < 2 || e - s > MAX_ITEM) {
      return false;
    }
    for (int i = s; i < e; i++) {
      char c = text.charAt(i);
      if (nameStart[i] >= 0 || !(Character.isIdeographic(c) || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
        return false;
      }
    }
    int t = CharFeatures.firstToken(tokens, s);
    if (t >= tokens.size() || tokens.get(t).start() != s) {
      return false; // the item starts inside a word: its edges are not the words'
    }
    int words = 0;
    int longest = 0;
    String only = null;
    for (; t < tokens.size() && tokens.get(t).start() < e; t++) {
      Token w = tokens.get(t);
      if (w.end() > e) {
        return false;
      }
      if (w.pos().startsWith("v") && !w.pos().equals("vn") || w.pos().startsWith("p") || w.pos().startsWith("c")
          || w.pos().startsWith("u") || w.pos().startsWith("r") || w.pos().startsWith("d")) {
        return false;
      }
      words++;
      longest = Math.max(longest, w.end() - w.start());
      only = w.pos();
    }
    if (longest < 2) {
      return false; // only single characters: a word the dictionary lacks, most often a person (张/伟)
    }
    // one word that is a person, a place, a time or a number names no body
    return !(words == 1 && (only.startsWith("nr") || only.startsWith("ns") || only.startsWith("t")
        || only.startsWith("m") || only.startsWith("q")));
  }
}
