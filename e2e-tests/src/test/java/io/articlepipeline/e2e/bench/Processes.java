package io.articlepipeline.e2e.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The local processes the benchmark pauses (SIGSTOP/SIGCONT) and measures (/proc). Whatever
 * happens, a process this class stopped is continued again when the JVM exits.
 */
final class Processes {

  private static final Set<Long> STOPPED = ConcurrentHashMap.newKeySet();
  /** A process tree is looked up again every 10 s, not at every sample: /proc has many entries. */
  private static final long TREE_TTL_NANOS = 10_000_000_000L;
  private static final Map<Long, CachedTree> TREES = new ConcurrentHashMap<>();

  private record CachedTree(List<Long> pids, long at) {
  }

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> STOPPED.forEach(pid -> signal("-CONT", pid))));
  }

  private Processes() {
  }

  static void stop(long pid) {
    signal("-STOP", pid);
    STOPPED.add(pid);
  }

  static void resume(long pid) {
    signal("-CONT", pid);
    STOPPED.remove(pid);
  }

  static boolean isStopped(long pid) {
    return STOPPED.contains(pid);
  }

  /**
   * Resident set size (bytes) of a process and its descendants, or -1 if it is gone: Elasticsearch
   * runs as a launcher with the server JVM under it (under runuser when started as root).
   */
  static long treeRss(long pid) {
    long own = rss(pid);
    if (own < 0) {
      return -1;
    }
    long total = own;
    CachedTree tree = TREES.get(pid);
    if (tree == null || System.nanoTime() - tree.at() > TREE_TTL_NANOS) {
      tree = new CachedTree(descendants(pid), System.nanoTime());
      TREES.put(pid, tree);
    }
    for (long child : tree.pids()) {
      total += Math.max(0, rss(child));
    }
    return total;
  }

  /**
   * CPU time (user + system, milliseconds) a process and its descendants have used, or -1 if it
   * is gone: fields 14 and 15 of /proc/PID/stat, in clock ticks of 100 per second.
   */
  static long treeCpuMillis(long pid) {
    long own = cpuMillis(pid);
    if (own < 0) {
      return -1;
    }
    long total = own;
    for (long child : descendants(pid)) {
      total += Math.max(0, cpuMillis(child));
    }
    return total;
  }

  static long cpuMillis(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // after "(comm) ": state is field 3, so utime (14) and stime (15) are at 11 and 12
      return (Long.parseLong(rest[11]) + Long.parseLong(rest[12])) * 10;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static long rss(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
      return 0;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static List<Long> descendants(long root) {
    Map<Long, List<Long>> children = new HashMap<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      procs.filter(p -> p.getFileName().toString().matches("\\d+")).forEach(p -> {
        try {
          String stat = Files.readString(p.resolve("stat"));
          // pid (comm) state ppid ...: comm may contain spaces, so read after its closing parenthesis
          String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          children.computeIfAbsent(Long.parseLong(rest[1]), k -> new ArrayList<>())
              .add(Long.parseLong(p.getFileName().toString()));
        } catch (IOException | RuntimeException e) {
          // the process ended while being read: it has no place in the tree
        }
      });
    } catch (IOException e) {
      return List.of();
    }
    List<Long> found = new ArrayList<>();
    List<Long> todo = new ArrayList<>(children.getOrDefault(root, List.of()));
    while (!todo.isEmpty()) {
      long pid = todo.remove(todo.size() - 1);
      found.add(pid);
      todo.addAll(children.getOrDefault(pid, List.of()));
    }
    return found;
  }

  private static void signal(String signal, long pid) {
    try {
      int rc = new ProcessBuilder("kill", signal, Long.toString(pid)).inheritIO().start().waitFor();
      if (rc != 0) {
        throw new IllegalStateException("kill " + signal + " " + pid + " exited " + rc);
      }
    } catch (IOException e) {
      throw new IllegalStateException("kill " + signal + " " + pid + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted sending " + signal + " to " + pid, e);
    }
  }
}
