package io.articlepipeline.enrich.core.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnglishOrganizationsTest {

  private static List<String> names(String text) {
    return EnglishOrganizations.find(text).stream().map(s -> text.substring(s.start(), s.end())).toList();
  }

  @Test
  void aNameMayStartWithItsHeadWhenOfOrForFollows() {
    assertThat(names("Officials of the Ministry of Education visited. Bank of America donated."))
        .containsExactly("Ministry of Education", "Bank of America");
  }

  @Test
  void aHeadAloneIsNoName() {
    assertThat(names("The Foundation said on Monday that the University would help.")).isEmpty();
  }

  @Test
  void andJoinsTheObjectsOfAContinuationButNotTwoNames() {
    assertThat(names("Officials of the Ministry of Science and Technology visited the lab."))
        .containsExactly("Ministry of Science and Technology");
    assertThat(names("A study by the University of Michigan and Ford Foundation appeared."))
        .containsExactly("University of Michigan", "Ford Foundation");
    assertThat(names("The grant came from the Department of Health and Human Services on Monday."))
        .containsExactly("Department of Health and Human Services");
  }

  @Test
  void aNameWithoutAHeadBeforeAndIsNotPartOfTheNextName() {
    assertThat(names("It works with agencies including Invisible People and Covenant House."))
        .containsExactly("Covenant House");
    assertThat(names("Dinner was at Ceruti’s Banquet and Event Center on Friday."))
        .containsExactly("Ceruti’s Banquet and Event Center");
    assertThat(names("Donors: the William and Flora Hewlett Foundation, the John D. and Catherine T. MacArthur"
        + " Foundation and the Bill & Melinda Gates Foundation."))
        .containsExactly("William and Flora Hewlett Foundation", "John D. and Catherine T. MacArthur Foundation",
            "Bill & Melinda Gates Foundation");
  }

  @Test
  void aTimeOrPlaceAfterTheNameIsNotPartOfIt() {
    assertThat(names("The Carnegie Corporation of New York on Tuesday announced grants."))
        .containsExactly("Carnegie Corporation of New York");
    assertThat(names("Staff of the University of Michigan in Ann Arbor met."))
        .containsExactly("University of Michigan");
  }

  @Test
  void firstNamesJoinedByAndStayOneName() {
    assertThat(names("A gift from the Bill & Melinda Gates Foundation helped."))
        .containsExactly("Bill & Melinda Gates Foundation");
  }

  @Test
  void pluralClubsIsAHead() {
    assertThat(names("Volunteers from Boys & Girls Clubs of America joined."))
        .containsExactly("Boys & Girls Clubs of America");
  }

  @Test
  void aTitleBeforeTheNameIsLeftOut() {
    assertThat(names("said the Regional CEO for the Texas Gulf Coast Red Cross."))
        .containsExactly("Texas Gulf Coast Red Cross");
  }

  @Test
  void aCapitalTheInRunningTextBelongsToTheName() {
    assertThat(names("Socks were given out by The Salvation Army last year."))
        .containsExactly("The Salvation Army");
    // a sentence start or a title-case headline: the article is not part of the name
    assertThat(names("The Salvation Army said it would help. Help From The Red Cross Arrives"))
        .containsExactly("Salvation Army", "Red Cross");
  }
}
