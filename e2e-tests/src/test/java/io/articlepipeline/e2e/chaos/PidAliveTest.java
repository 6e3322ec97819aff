package io.articlepipeline.e2e.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code pid_alive} (local-stack/bin/lib.sh), which {@code ./pipeline up} asks before it starts a
 * service: a service killed with -9 whose parent has not reaped it is a zombie, which still answers
 * {@code kill -0}; taken for a running service, {@code up} would leave it dead ("already running").
 */
class PidAliveTest {

  private static final Path LIB = Path.of("..", "local-stack", "bin", "lib.sh");

  @Test
  void aRunningProcessIsAliveAZombieOrAGoneOneIsNot() throws Exception {
    assertThat(LIB).exists();
    // sh starts a child that exits at once, then becomes a sleep that never reaps it: a zombie
    Process parent = new ProcessBuilder("sh", "-c", "sleep 0 & echo $!; exec sleep 30").start();
    try {
      long zombie;
      try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(),
          StandardCharsets.UTF_8))) {
        zombie = Long.parseLong(out.readLine().trim());
        Path stat = Path.of("/proc", Long.toString(zombie), "stat");
        for (int i = 0; i < 100 && !Files.readString(stat).contains(") Z"); i++) {
          Thread.sleep(50);
        }
        assertThat(Files.readString(stat)).as("the child has exited and is not reaped").contains(") Z");
        assertThat(alive(zombie)).as("a zombie").isFalse();
        assertThat(alive(parent.pid())).as("a running process").isTrue();
      }
    } finally {
      parent.destroyForcibly().waitFor();
    }
    assertThat(alive(parent.pid())).as("a process that is gone").isFalse();
  }

  private static boolean alive(long pid) throws Exception {
    Process p = new ProcessBuilder("bash", "-c", "source \"$0\"; pid_alive \"$1\"", LIB.toString(), Long.toString(pid))
        .redirectErrorStream(true).start();
    return p.waitFor() == 0;
  }
}
