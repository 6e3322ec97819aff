package io.articlepipeline.e2e.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuMeterTest {

  @Test
  void readsThisProcessCpuTimeAsItGrows() {
    long pid = ProcessHandle.current().pid();
    long before = Processes.cpuMillis(pid);
    long x = 0;
    long until = System.nanoTime() + 300_000_000L;
    while (System.nanoTime() < until) {
      x += Long.numberOfTrailingZeros(x + System.nanoTime());
    }
    assertThat(x).isNotNegative();
    assertThat(before).isNotNegative();
    assertThat(Processes.cpuMillis(pid)).isGreaterThan(before);
    long own = Processes.cpuMillis(pid);
    assertThat(Processes.treeCpuMillis(pid)).isGreaterThanOrEqualTo(own); // read after: never less
  }

  @Test
  void aProcessThatIsGoneHasNoCpuTime() {
    assertThat(Processes.cpuMillis(Long.MAX_VALUE)).isEqualTo(-1);
  }

  @Test
  void thePipelineTotalLeavesTheBenchmarkClientOut() {
    assertThat(CpuMeter.pipelineTotal(Map.of("enrich", 1.5, "elasticsearch", 0.5, "bench client", 0.7)))
        .isEqualTo(2.0);
  }
}
