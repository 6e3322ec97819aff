package io.articlepipeline.enrich.core.keywords;

import io.articlepipeline.enrich.core.Keyword;
import io.articlepipeline.enrich.core.text.AnalysisText;
import io.articlepipeline.enrich.core.text.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Key phrases: runs of noun-like words (not single characters), scored by how often and how
 * early they occur, a title bonus, and how rare they are in a background corpus.
 */
public final class KeywordExtractor {

  private static final int MAX_WORDS = 3;
  private static final int MAX_CHARS = 12;
  private static final Set<String> STOP = Set.of(
      "工作", "活动", "时间", "方面", "问题", "情况", "人员", "部门", "今年", "去年", "目前", "记者", "编辑",
      "同时", "期间", "单位", "地方", "时候", "形式", "作用", "过程", "基础", "全国", "全市", "全区", "全省",
      "现场", "负责人", "代表", "领导", "群众", "大家", "我们", "他们", "人们", "内容", "方式", "措施", "要求",
      "水平", "能力", "程度", "力量", "意义", "目标", "任务", "重点", "关键", "特色", "品牌", "平台", "资源",
      "来源", "作者", "正文", "首页", "图片", "视频", "网友", "本报", "本网", "日电", "新闻", "消息");

  private final DocumentFrequencies background;

  /** @param background document frequencies of a background corpus, or null */
  public KeywordExtractor(DocumentFrequencies background) {
    this.background = background;
  }

  /**
   * @param text      the analysed body
   * @param tokens    its tokens
   * @param content   per analysis character: true where it belongs to article content
   * @param title     tokens of the title's analysis text (may be empty)
   * @param titleText the title's analysis text (may be empty)
   * @param limit     how many keywords to return at most
   */
  public List<Keyword> extract(AnalysisText text, List<Token> tokens, boolean[] content,
      AnalysisText titleText, List<Token> title, int limit) {
    Map<String, Candidate> candidates = new HashMap<>();
    int contentChars = 0;
    for (boolean c : content) {
      contentChars += c ? 1 : 0;
    }
    int seenChars = 0;
    int seenUpTo = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token first = tokens.get(i);
      if (!content[first.start()] || !isNounLike(first)) {
        continue;
      }
      for (int p = seenUpTo; p < first.start(); p++) {
        seenChars += content[p] ? 1 : 0;
      }
      seenUpTo = first.start();
      double position = contentChars == 0 ? 0 : (double) seenChars / contentChars;
      double positionWeight = 1.0 + 0.5 * (1.0 - position);
      StringBuilder key = new StringBuilder();
      for (int j = i; j < tokens.size() && j < i + MAX_WORDS; j++) {
        Token t = tokens.get(j);
        if (!isNounLike(t) || (j > i && t.start() != tokens.get(j - 1).end()) || !content[t.start()]) {
          break;
        }
        key.append(t.word());
        if (key.length() > MAX_CHARS) {
          break;
        }
        if (acceptable(key, j - i + 1, t, first)) {
          String k = key.toString().toLowerCase();
          Candidate c = candidates.computeIfAbsent(k,
              x -> new Candidate(text.surfaceChars(first.start(), t.end())));
          c.weight += positionWeight;
          c.count++;
          c.words = j - i + 1;
        }
      }
    }
    if (titleText != null) {
      String lowerTitle = titleText.text().toLowerCase();
      for (Map.Entry<String, Candidate> e : candidates.entrySet()) {
        if (lowerTitle.contains(e.getKey())) {
          e.getValue().weight += 3.0;
        }
      }
    }
    List<Candidate> ranked = new ArrayList<>(candidates.size());
    for (Map.Entry<String, Candidate> e : candidates.entrySet()) {
      Candidate c = e.getValue();
      double idf = background == null ? 1.0 : background.idf(e.getKey());
      double lengthWeight = Math.min(e.getKey().length(), 6) / 4.0;
      c.score = Math.log1p(c.weight) * idf * lengthWeight;
      ranked.add(c);
    }
    ranked.sort((a, b) -> Double.compare(b.score, a.score));
    List<Keyword> out = new ArrayList<>(limit);
    for (Candidate c : ranked) {
      if (out.size() >= limit) {
        break;
      }
      out.add(new Keyword(c.surface, Math.round(c.score * 1000) / 1000.0));
    }
    return out;
  }

  private static boolean acceptable(CharSequence key, int words, Token last, Token first) {
    if (key.length() < 2) {
      return false;
    }
    if (words == 1 && STOP.contains(first.word())) {
      return false;
    }
    return !STOP.contains(last.word()) || words > 1 && !STOP.contains(last.word());
  }

  static boolean isNounLike(Token t) {
    String pos = t.pos();
    if (t.isPunctuation()) {
      return false;
    }
    if (pos.startsWith("n") && !pos.equals("nr") && !pos.startsWith("nr") && !pos.equals("nx")) {
      return true;
    }
    return pos.equals("vn") || pos.equals("gi") || pos.equals("gm") || pos.equals("gb") || pos.equals("gc")
        || pos.equals("gg") || pos.equals("gp") || pos.equals("nz");
  }

  private static final class Candidate {
    final String surface;
    double weight;
    int count;
    int words;
    double score;

    Candidate(String surface) {
      this.surface = surface;
    }
  }
}
