package io.articlepipeline.enrich.core.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.enrich.core.Keyword;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnglishKeywordsTest {

  private static List<String> keywords(String text, String title) {
    return EnglishKeywords.extract(text, text, title, 10).stream().map(Keyword::text).toList();
  }

  @Test
  void capitalisedNamesKeepTheirLinkingWords() {
    String text = "Volunteers joined the Global Day of Service with Points of Light Foundation.\n"
        + "The Global Day of Service drew volunteers from eleven countries.\n";
    assertThat(keywords(text, null)).contains("Global Day of Service", "Points of Light Foundation");
  }

  @Test
  void headlineRowsDoNotMakeNames() {
    String text = "Red Cross Mobilizes Massive Response to Helene Across Many States Today\n"
        + "Shelters opened for families.\n";
    assertThat(keywords(text, null)).noneMatch(k -> k.contains(" to "));
  }

  @Test
  void vagueAdjectivesAndParticiplesDoNotEdgeAPhrase() {
    String text = "Here are notable new grant awards for local news. The grant awards support local news.\n"
        + "Nearly 1,000 employees participated.\n";
    List<String> out = keywords(text, null);
    assertThat(out).contains("grant awards").noneMatch(k -> k.startsWith("new ") || k.startsWith("notable "))
        .noneMatch(k -> k.endsWith("participated"));
  }

  @Test
  void aVerbInTheSimplePastEndsAPhrase() {
    String text = "Alexion volunteers gave back to their communities. Altria employees took part in projects.\n"
        + "Alexion volunteers painted schools and Altria employees cleaned parks.\n";
    assertThat(keywords(text, null)).contains("Alexion volunteers", "Altria employees")
        .noneMatch(k -> k.contains("gave") || k.contains("took"));
  }

  @Test
  void datesAndPageFurnitureAreNoKeywords() {
    String text = "Updated: 1 hour 3 min ago | Subscribe to the feed\nWednesday, September 23\n"
        + "Hanes donates socks to homeless shelters. Hanes socks reach shelters nationwide.\n";
    assertThat(keywords(text, null)).noneMatch(k -> k.matches("(?i).*(hour|min ago|september|wednesday|subscribe).*"))
        .contains("homeless shelters");
  }

  @Test
  void dashesAndBulletsEndAPhrase() {
    String text = "• Paris, France – Alexion volunteers led a treasure hunt. The Red Cross — comprising volunteers — "
        + "opened shelters.\n";
    assertThat(keywords(text, null)).noneMatch(k -> k.contains("–") || k.contains("—") || k.contains("•"));
  }

  @Test
  void irregularParticiplesDoNotCloseAPhrase() {
    String text = "Corporate service led the way. Community service led again, and national service grew.\n";
    assertThat(keywords(text, null)).noneMatch(k -> k.endsWith(" led"));
  }

  @Test
  void aLongCapitalisedNameIsNotCutIntoPieces() {
    String text = "The Texas Gulf Coast American Red Cross is issuing an urgent appeal. Volunteers of the "
        + "Texas Gulf Coast American Red Cross support emergency shelters.\n";
    assertThat(keywords(text, null)).contains("urgent appeal", "support emergency shelters")
        .doesNotContain("Coast American Red", "Gulf Coast American", "American Red Cross");
  }

  @Test
  void wordsKeepInnerApostrophesAndHyphensButNotTrailingOnes() {
    String text = "Children's well-being programs grow. Children's well-being programs- and more- "
        + "help families. The children's well-being programs' reach widens.\n";
    List<String> out = keywords(text, null);
    assertThat(out).contains("Children's well-being programs").noneMatch(k -> k.endsWith("-") || k.endsWith("'"));
  }

  @Test
  void namesOnOneLongLineAreFoundAndHeadlineLinesStillSkipped() {
    StringBuilder text = new StringBuilder("Points of Light Honors Heroes\n");
    for (int i = 0; i < 2000; i++) {
      text.append("Volunteers of the Points of Light Foundation served meals. ");
    }
    List<String> out = keywords(text.append('\n').toString(), null);
    assertThat(out).contains("Points of Light Foundation").doesNotContain("Points of Light Honors Heroes");
  }

  @Test
  void numberWordsShoutedHeadlinesAndClausesAreNoKeywords() {
    String text = "HELENE FAMILY SHARES STORY\n"
        + "The foundation gave $2 million to local newsrooms. Another million went to local newsrooms.\n"
        + "Communities honored outstanding volunteers. Local newsrooms thanked the foundation.\n"
        + "Read our Terms and Conditions of Use. See the Terms and Conditions.\n";
    List<String> out = keywords(text, null);
    assertThat(out).contains("local newsrooms")
        .noneMatch(k -> k.toLowerCase(java.util.Locale.ROOT).contains("million"))
        .noneMatch(k -> k.contains("HELENE FAMILY") || k.contains("FAMILY SHARES"))
        .noneMatch(k -> k.toLowerCase(java.util.Locale.ROOT).contains("communities honored"))
        .noneMatch(k -> k.toLowerCase(java.util.Locale.ROOT).startsWith("terms and conditions"));
  }

  @Test
  void anAcronymAloneIsStillAKeyword() {
    String text = "KFF funds research. KFF reports on health policy. KFF polls the public.\n";
    assertThat(keywords(text, null)).contains("KFF");
  }

  @Test
  void fromXToYIsARangeNotAName() {
    String text = "Volunteers served from Athens, GA to Mumbai, India. Volunteers joined the Call to Service.\n"
        + "The Call to Service drew volunteers.\n";
    assertThat(keywords(text, null)).contains("Call to Service").doesNotContain("GA to Mumbai");
  }

  @Test
  void aPhraseDoesNotOpenWithAVerb() {
    String text = "Volunteers were creating colorful arts for the children. Grants reduce racial inequities. "
        + "Corporate giving and foster care programs grew. Charging electric vehicles got cheaper. "
        + "Corporate giving helps foster care programs. Charging electric vehicles matters.\n";
    assertThat(keywords(text, null))
        .doesNotContain("creating colorful arts", "reduce racial inequities", "Grants reduce racial")
        .contains("Corporate giving", "foster care programs", "Charging electric vehicles");
  }
}
