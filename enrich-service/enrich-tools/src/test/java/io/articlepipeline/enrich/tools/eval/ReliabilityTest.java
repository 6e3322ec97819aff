package io.articlepipeline.enrich.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReliabilityTest {

  @Test
  void namesGoToTheBinOfTheirConfidenceWithMeanConfidenceAndPrecision() {
    EvalMain.Reliability r = new EvalMain.Reliability(10);
    r.add(0.95, true);
    r.add(0.91, false);
    r.add(1.0, true);   // the top edge belongs to the last bin
    r.add(0.05, false);
    r.add(0.0, false);

    String table = r.table();

    assertThat(table).contains("0.9-1.0\t3\t0.953\t0.667");
    assertThat(table).contains("0.0-0.1\t2\t0.025\t0.000");
    assertThat(table).contains("0.5-0.6\t0\t-\t-");
    assertThat(table).contains("all\t5\t0.582\t0.400");
    // |0.953 - 0.667| * 3 + |0.025 - 0| * 2, over 5
    assertThat(r.expectedCalibrationError()).isCloseTo((Math.abs(2.86 - 2) + 0.05) / 5, within(1e-9));
  }
}
