package io.articlepipeline.enrich.core.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnglishContextNamesTest {

  private static List<String> names(String text) {
    return EnglishContextNames.find(text, EnglishOrganizations.find(text)).stream()
        .map(s -> text.substring(s.start(), s.end())).toList();
  }

  @Test
  void theBodyAfterAPersonsRole() {
    assertThat(names("“It matters,” said Sidney Falken, chief branding officer, HanesBrands. Then they left."))
        .containsExactly("HanesBrands");
    assertThat(names("Laysha Ward, who is president, community relations, Target and serves on the board."))
        .containsExactly("Target");
    assertThat(names("Jane Roe, the founder of Invisible People, spoke.")).containsExactly("Invisible People");
    assertThat(names("He is a senior manager at Salesforce and a volunteer.")).containsExactly("Salesforce");
    assertThat(names("said Tommaso Falcone, MD, interim CEO of the Cleveland Clinic London, in a release."))
        .containsExactly("Cleveland Clinic London");
    assertThat(names("said Tyler Menezes, Executive Director at CodeDay. Later")).containsExactly("CodeDay");
  }

  @Test
  void aRoleThatIsSomeonesIntroducesAPerson() {
    assertThat(names("The company's CEO, Tim Cook, said so. Its founder, Jane Doe, agreed.")).isEmpty();
    assertThat(names("the film's director, Steven Spielberg, said")).isEmpty();
  }

  @Test
  void aPlaceAfterARoleIsNoBody() {
    assertThat(names("She met the president of France and the president of Mexico.")).isEmpty();
    assertThat(names("Ann Lee, Vice President, Marketing, Acme, said so.")).isEmpty();
  }

  @Test
  void aWorkforceInsideASentenceNamesItsBody() {
    assertThat(names("During the month of September Altria employees took part in projects."))
        .containsExactly("Altria");
    assertThat(names("Over 300 volunteers from Alexion’s headquarters painted the school."))
        .containsExactly("Alexion");
  }

  @Test
  void aWorkforceAfterAPlaceANationalityOrASentenceStartNamesNoBody() {
    assertThat(names("The company's Texas employees and American volunteers helped.")).isEmpty();
    assertThat(names("Hospital volunteers came. Many employees stayed.")).isEmpty();
    assertThat(names("We thank our U.S. employees.")).isEmpty();
    assertThat(names("Renovation is done. The Plant Operations staff helped.")).isEmpty();
    assertThat(names("Ann Lee, vice chairman of the Foundation, spoke.")).isEmpty();
  }

  @Test
  void aPartnerNamesItsBody() {
    assertThat(names("In partnership with Points of Light and our Affiliates, 1,000 people served."))
        .containsExactly("Points of Light");
    assertThat(names("The program is funded by the Bezos Earth Fund and Salesforce.")).containsExactly("Bezos Earth Fund");
  }

  @Test
  void otherMentionsOfANameFoundByContextStandingAlone() {
    String text = "Altria\nDuring September Altria employees volunteered. Altria said it would return."
        + " Altria Park is a place.";
    assertThat(names(text)).containsExactlyInAnyOrder("Altria", "Altria", "Altria");
  }

  @Test
  void aCompanysNameLessItsCorporateWord() {
    assertThat(EnglishContextNames.withoutCorporateWord("Alexion Pharmaceuticals")).isEqualTo("Alexion");
    assertThat(EnglishContextNames.withoutCorporateWord("Altria Group, Inc.")).isEqualTo("Altria");
    assertThat(EnglishContextNames.withoutCorporateWord("HanesBrands")).isEqualTo("Hanes");
    assertThat(EnglishContextNames.withoutCorporateWord("National Group")).isNull();
    assertThat(EnglishContextNames.withoutCorporateWord("Ford Foundation")).isNull();
    String text = "Alexion Pharmaceuticals launched a day of service. Alexion volunteers came; Alexion’s staff too."
        + " The Alexion Day is new.";
    assertThat(names(text)).containsExactlyInAnyOrder("Alexion", "Alexion");
  }

  @Test
  void aPageOfManyNamesIsReadInOnePass() {
    // 20,000 different names, each with a workforce and a second mention: looking each name up
    // in the whole text would compare some 10^10 characters
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      String name = "Firm" + Integer.toString(i, 26).replaceAll("[0-9]", "x") + "o";
      text.append("Today the ").append(name).append(" employees met, and ").append(name).append(" said so. ");
    }
    assertThat(names(text.toString())).hasSize(40_000);
  }

  @Test
  void chineseTextIsLeftAlone() {
    assertThat(names("中华慈善总会的志愿者来到敬老院。")).isEmpty();
  }
}
