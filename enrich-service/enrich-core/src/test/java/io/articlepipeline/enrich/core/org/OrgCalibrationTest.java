package io.articlepipeline.enrich.core.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrgCalibrationTest {

  private static List<OrgCalibration.Observation> observations(String source, double raw, int right, int wrong) {
    List<OrgCalibration.Observation> out = new ArrayList<>();
    for (int i = 0; i < right; i++) {
      out.add(new OrgCalibration.Observation(source, raw, true));
    }
    for (int i = 0; i < wrong; i++) {
      out.add(new OrgCalibration.Observation(source, raw, false));
    }
    return out;
  }

  @Test
  void isotonicStepsFollowTheObservedRatesAndPoolViolators() {
    List<OrgCalibration.Observation> obs = new ArrayList<>();
    obs.addAll(observations("model", 0.2, 2, 8));   // 20 %
    obs.addAll(observations("model", 0.5, 6, 4));   // 60 %
    obs.addAll(observations("model", 0.6, 4, 6));   // 40 %: violates, pooled with 0.5 -> 50 %
    obs.addAll(observations("model", 0.9, 9, 1));   // 90 %
    OrgCalibration c = OrgCalibration.parse(OrgCalibration.fit(obs, 10));
    // smoothed (right + 1) / (n + 2)
    assertThat(c.probability("model", 0.2)).isCloseTo(3.0 / 12, within(1e-4));
    assertThat(c.probability("model", 0.5)).isCloseTo(11.0 / 22, within(1e-4));
    assertThat(c.probability("model", 0.55)).isCloseTo(11.0 / 22, within(1e-4));
    assertThat(c.probability("model", 0.6)).isCloseTo(11.0 / 22, within(1e-4));
    assertThat(c.probability("model", 0.9)).isCloseTo(10.0 / 12, within(1e-4));
    assertThat(c.probability("model", 0.99)).isCloseTo(10.0 / 12, within(1e-4));
    assertThat(c.probability("model", 0.0)).isCloseTo(3.0 / 12, within(1e-4));
    // monotone
    double last = 0;
    for (double raw = 0; raw <= 1.0; raw += 0.01) {
      double p = c.probability("model", raw);
      assertThat(p).isGreaterThanOrEqualTo(last);
      last = p;
    }
  }

  @Test
  void rareSourcesShrinkDerivedOnesFallBackAndUnknownOnesGetTheOverallPrecision() {
    List<OrgCalibration.Observation> obs = new ArrayList<>();
    obs.addAll(observations("model", 0.9, 60, 40));
    obs.addAll(observations("rule", 0.6, 5, 0));
    obs.addAll(observations("model+place", 0.9, 0, 3));
    OrgCalibration c = OrgCalibration.parse(OrgCalibration.fit(obs, 50));
    double overall = (65 + 1.0) / (108 + 2.0);
    assertThat(c.probability("english", 0.7)).isCloseTo(overall, within(1e-4));
    assertThat(c.probability("rule", 0.6)).isCloseTo((5 + 10 * overall) / 15, within(1e-4));
    assertThat(c.probability("model+place", 0.9)).isEqualTo(c.probability("model", 0.9));
    assertThat(c.probability("model", 0.9)).isCloseTo(61.0 / 102, within(1e-4));
  }

  @Test
  void identityKeepsTheRawScoreAndApplyReplacesOnlyTheConfidence() {
    OrgSpan s = new OrgSpan(3, 7, 0.42, "rule");
    assertThat(OrgCalibration.IDENTITY.apply(s)).isEqualTo(s);
    OrgCalibration c = OrgCalibration.parse(List.of("# comment", "*\t1e9\t0.75\t10"));
    assertThat(c.apply(s)).isEqualTo(new OrgSpan(3, 7, 0.75, "rule"));
  }

  @Test
  void theShippedTableIsOnTheClassPathAndMapsIntoZeroToOne() {
    OrgCalibration c = OrgCalibration.fromResource("/enrich-core/org-calibration.tsv");
    assertThat(c).isNotSameAs(OrgCalibration.IDENTITY);
    for (String source : List.of("model", "model+place", "gazetteer", "rule", "source", "english")) {
      for (double raw = 0; raw <= 1.0; raw += 0.05) {
        assertThat(c.probability(source, raw)).isStrictlyBetween(0.0, 1.0);
      }
    }
    // a surer model is never less probable
    assertThat(c.probability("model", 0.99)).isGreaterThan(c.probability("model", 0.3));
  }
}
