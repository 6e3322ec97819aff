package io.articlepipeline.enrich.core;

import io.articlepipeline.enrich.core.keywords.KeywordExtractor;
import io.articlepipeline.enrich.core.org.OrgSpan;
import io.articlepipeline.enrich.core.org.OrgTypes;
import io.articlepipeline.enrich.core.org.OrganizationTagger;
import io.articlepipeline.enrich.core.page.CleanPage;
import io.articlepipeline.enrich.core.page.PageCleaner;
import io.articlepipeline.enrich.core.page.PageLine;
import io.articlepipeline.text.AnalysisText;
import io.articlepipeline.text.CharNormalizer;
import io.articlepipeline.text.IndexTokens;
import io.articlepipeline.text.Segmenter;
import io.articlepipeline.text.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The enrich stage's analysis: cleanup, segmentation, organizations, keywords. Thread-safe. */
final class DefaultArticleEnricher implements ArticleEnricher {

  static final int KEYWORDS = 15;
  private static final java.util.regex.Pattern ORG_LIKE = java.util.regex.Pattern.compile(
      "(?:部|局|委|办|中心|会|社|站|台|报|网|院|所|队|处|厅|馆|团|公司|集团|大学|学校)$");

  private final PageCleaner cleaner;
  private final Segmenter segmenter;
  private final OrganizationTagger organizations;
  private final KeywordExtractor keywords;
  private final String version;

  DefaultArticleEnricher(PageCleaner cleaner, Segmenter segmenter, OrganizationTagger organizations,
      KeywordExtractor keywords, String version) {
    this.cleaner = cleaner;
    this.segmenter = segmenter;
    this.organizations = organizations;
    this.keywords = keywords;
    this.version = version;
  }

  /** What enrichment and keyword training both start from: the page read, segmented, organizations tagged. */
  private record Analysis(String body, CleanPage page, AnalysisText text, List<Token> tokens, boolean[] content,
                          AnalysisText titleText, List<Token> titleTokens, List<OrgSpan> spans) {
  }

  private Analysis analyse(EnrichmentRequest request) {
    String body = request.body() == null ? "" : request.body();
    AnalysisText text = AnalysisText.of(body);
    CleanPage page = cleaner.clean(body, request.title(), text.lineWraps());
    String title = page.fields().title();
    List<Token> tokens = segmenter.segment(text.text());
    AnalysisText titleText = AnalysisText.of(title == null ? "" : title);
    return new Analysis(body, page, text, tokens, contentMask(text, page), titleText,
        segmenter.segment(titleText.text()), organizations.tag(text.text(), tokens));
  }

  @Override
  public Enrichment enrich(EnrichmentRequest request) {
    Analysis a = analyse(request);
    AnalysisText text = a.text();
    Map<String, Organization> orgs = new LinkedHashMap<>();
    for (OrgSpan s : a.spans()) {
      addOrg(orgs, text, s, true);
    }
    addCredits(orgs, text, a.page().fields());
    if (request.title() != null && !request.title().isBlank()) {
      for (OrgSpan s : organizations.tag(a.titleText().text(), a.titleTokens())) {
        addOrg(orgs, a.titleText(), s, false);
      }
    }
    AnalysisText keywordTitle = keywordTitle(a.titleText(), a.page());
    List<Token> keywordTitleTokens = keywordTitle == a.titleText() ? a.titleTokens() : segmenter.segment(keywordTitle.text());
    List<Keyword> kws = keywords.extract(text, a.tokens(), a.content(), keywordTitle, keywordTitleTokens, a.spans(),
        KEYWORDS);
    String language = request.language() != null && !request.language().isBlank()
        ? request.language() : Languages.detect(a.body());
    List<Organization> ordered = shortFormTypes(orgs.values());
    // order of first mention; names only in the title come last
    ordered.sort((x, y) -> Integer.compare(x.start() < 0 ? Integer.MAX_VALUE : x.start(),
        y.start() < 0 ? Integer.MAX_VALUE : y.start()));
    return new Enrichment(kws, List.copyOf(ordered), a.page().fields(), a.page().cleanBody(),
        IndexTokens.of(a.titleTokens(), null), IndexTokens.of(a.tokens(), a.content()), language, version);
  }

  /** The title keywords see: the page's, or without one a short unpunctuated tail after the last sentence. */
  private static AnalysisText keywordTitle(AnalysisText titleText, CleanPage page) {
    if (titleText.text().isEmpty()) {
      String tail = trailingHeadline(page.cleanBody());
      if (tail != null) {
        return AnalysisText.of(tail);
      }
    }
    return titleText;
  }

  /**
   * The keyword candidates {@link #enrich} ranks, with their features (for training a ranker):
   * the same cleanup, segmentation, organizations and title as {@link #enrich}.
   */
  KeywordExtractor.Candidates keywordCandidates(EnrichmentRequest request) {
    Analysis a = analyse(request);
    AnalysisText keywordTitle = keywordTitle(a.titleText(), a.page());
    List<Token> keywordTitleTokens = keywordTitle == a.titleText() ? a.titleTokens() : segmenter.segment(keywordTitle.text());
    return keywords.candidateFeatures(a.text(), a.tokens(), a.content(), keywordTitle, keywordTitleTokens, a.spans());
  }

  /**
   * A name of unknown type inside a longer name of the same page is that body's short form and
   * takes its type (星海金融 in 香港星海金融有限公司: a company).
   */
  static List<Organization> shortFormTypes(java.util.Collection<Organization> orgs) {
    List<Organization> out = new ArrayList<>(orgs.size());
    for (Organization o : orgs) {
      Organization typed = o;
      if (o.type() == OrganizationType.OTHER) {
        for (Organization longer : orgs) {
          if (longer.type() != OrganizationType.OTHER && longer.name().length() > o.name().length()
              && longer.name().contains(o.name())) {
            typed = new Organization(o.name(), longer.type(), o.start(), o.end(), o.confidence());
            break;
          }
        }
      }
      out.add(typed);
    }
    return out;
  }

  private void addOrg(Map<String, Organization> orgs, AnalysisText text, OrgSpan s, boolean inBody) {
    // as printed (inline artefacts kept), but never across a hard-wrapped page's line break
    String name = withoutLineBreaks(text.surfaceSpan(s.start(), s.end()));
    if (orgs.containsKey(name)) {
      return;
    }
    int start = inBody ? text.surfaceOffset(s.start()) : -1;
    int end = inBody ? text.surfaceEnd(s.end()) : -1;
    String analysed = text.text().substring(s.start(), s.end());
    OrganizationType type = organizations.knownType(analysed);
    orgs.put(name, new Organization(name, type != null ? type : OrgTypes.classify(analysed), start, end,
        s.confidence()));
  }

  /** The name with the line breaks a hard-wrapped page put into it (SoftWraps) taken out. */
  static String withoutLineBreaks(String name) {
    return name.indexOf('\n') < 0 ? name : name.replace("\r\n", "").replace("\n", "");
  }

  static String trailingHeadline(String body) {
    String b = body.strip();
    int cut = Math.max(Math.max(b.lastIndexOf('。'), b.lastIndexOf(". ")), Math.max(b.lastIndexOf('\n'), b.lastIndexOf("! ")));
    if (cut < 0 || cut + 2 >= b.length()) {
      return null;
    }
    String tail = b.substring(cut + 1).strip();
    if (tail.length() < 6 || tail.length() > 60 || tail.length() * 4 > b.length()) {
      return null;
    }
    for (int i = 0; i < tail.length(); i++) {
      char c = tail.charAt(i);
      if (c == ',' || c == '，' || c == '。' || c == ';' || c == '；') {
        return null;
      }
    }
    return tail;
  }

  /** The page's source and author credit name organizations when they look like one. */
  private void addCredits(Map<String, Organization> orgs, AnalysisText text, PageFields fields) {
    for (String credit : new String[] {fields.source(), fields.author()}) {
      if (credit == null || credit.length() < 3 || !ORG_LIKE.matcher(CharNormalizer.normalize(credit)).find()) {
        continue;
      }
      int at = text.text().indexOf(CharNormalizer.normalize(credit));
      if (at >= 0) {
        addOrg(orgs, text, new OrgSpan(at, at + credit.length(), 0.7, "credit"), true);
      }
    }
  }

  private static boolean[] contentMask(AnalysisText text, CleanPage page) {
    boolean[] surface = new boolean[page.text().length() + 1];
    for (PageLine line : page.lines()) {
      if (line.content()) {
        for (int i = line.start(); i < line.end(); i++) {
          surface[i] = true;
        }
      }
    }
    boolean[] mask = new boolean[text.text().length() + 1];
    for (int i = 0; i < text.text().length(); i++) {
      mask[i] = surface[text.surfaceOffset(i)];
    }
    return mask;
  }

  @Override
  public List<String> indexTokens(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    return IndexTokens.of(segmenter.segment(AnalysisText.of(text).text()), null);
  }

  @Override
  public PageFields pageFields(String rawPage) {
    return cleaner.clean(rawPage, null).fields();
  }
}
