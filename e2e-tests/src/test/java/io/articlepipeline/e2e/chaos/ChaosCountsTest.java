package io.articlepipeline.e2e.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chaos run's verdict: what the searchable state owes the clients, article by article. */
class ChaosCountsTest {

  @Test
  void eachWayOfBreakingThePromiseIsCountedOnce() {
    Ledger ledger = new Ledger();
    ledger.accepted("ok", 1);
    ledger.accepted("revised", 1);
    ledger.accepted("revised", 2);
    ledger.accepted("lost", 1);
    ledger.accepted("twice", 1);
    ledger.accepted("stale", 2);
    ledger.accepted("gone", 1);
    ledger.retracted("gone");
    ledger.accepted("back", 1);
    ledger.retracted("back");
    ledger.accepted("unknown", 1);
    ledger.unresolved("unknown");

    ChaosRun.Counts c = ChaosRun.count(ledger, Map.of(
        "ok", List.of(1L),
        "revised", List.of(2L),
        "twice", List.of(1L, 1L),
        "stale", List.of(1L),
        "back", List.of(1L),
        "unknown", List.of(1L),
        "not-ours", List.of(1L)));

    assertThat(c.lost).isEqualTo(1);
    assertThat(c.duplicated).isEqualTo(1);
    assertThat(c.stale).isEqualTo(1);
    assertThat(c.notRetracted).isEqualTo(1);
    assertThat(c.unresolved).isEqualTo(1);
    assertThat(c.wrong()).isEqualTo(4);
  }

  @Test
  void aLowerRevisionAcceptedLaterDoesNotLowerThePromise() {
    Ledger ledger = new Ledger();
    ledger.accepted("a", 2);
    ledger.accepted("a", 1); // a resent unknown outcome of the older revision

    assertThat(ChaosRun.count(ledger, Map.of("a", List.of(2L))).wrong()).isZero();
    assertThat(ChaosRun.count(ledger, Map.of("a", List.of(1L))).stale).isEqualTo(1);
  }

  @Test
  void defaultRoundsKillEveryPartByPortThenByPidFileThenDuringReindexAndReprocess() {
    List<String> rounds = ChaosRun.roundSpecs("");

    assertThat(rounds).hasSize(2 * ChaosRun.PARTS.size() + 2);
    assertThat(rounds.subList(0, ChaosRun.PARTS.size())).allMatch(r -> r.endsWith(":port"));
    assertThat(rounds).contains("kafka:pidfile", "elasticsearch:pidfile", "ops:port").endsWith("reindex", "reprocess");
    assertThat(ChaosRun.roundSpecs("kafka:pidfile, reindex")).containsExactly("kafka:pidfile", "reindex");
  }
}
