package dev.vigil.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of processes from {@code /proc} (Linux), for benchmarks that report CPU per event of a
 * service and of its PostgreSQL. Clock ticks are taken as 100 per second ({@code CLK_TCK} on
 * Linux).
 */
final class ProcessCpu {

  private static final double TICK_MILLIS = 10.0;

  private ProcessCpu() {}

  /** User plus system CPU milliseconds of one process (its threads), 0 if it is gone. */
  static double millis(long pid) {
    long[] f = stat(pid);
    return f == null ? 0 : (f[0] + f[1]) * TICK_MILLIS;
  }

  /**
   * CPU milliseconds of a JVM's threads by kind: {@code jit} (C1/C2 compiler threads, which keep
   * compiling long after start-up on a loaded machine), {@code vm} (the VM thread, where the serial
   * collector runs, and GC threads) and {@code app} (everything else: the work itself). Two parts
   * of {@code app} are also given on their own: {@code app:kafka} (Kafka client threads: consumer
   * polls, heartbeats, producers) and {@code app:worker} (the worker pools where the consumers'
   * transactions run). Thread names are read from {@code comm}, cut to 15 characters by Linux.
   */
  static Map<String, Double> jvmThreadMillis(long pid) {
    Map<String, Double> out =
        new TreeMap<>(
            Map.of("jit", 0.0, "vm", 0.0, "app", 0.0, "app:kafka", 0.0, "app:worker", 0.0));
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks.toList()) {
        long tid = Long.parseLong(task.getFileName().toString());
        long[] f = stat(pid, tid);
        if (f == null) {
          continue;
        }
        String name = comm(pid, tid);
        String kind =
            name.contains("CompilerThre")
                ? "jit"
                : name.equals("VM Thread") || name.startsWith("GC ") ? "vm" : "app";
        double ms = (f[0] + f[1]) * TICK_MILLIS;
        out.merge(kind, ms, Double::sum);
        if (kind.equals("app") && name.contains("kafka")) {
          out.merge("app:kafka", ms, Double::sum);
        } else if (name.startsWith("executor-thread") || name.startsWith("vert.x-worker")) {
          out.merge("app:worker", ms, Double::sum);
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone: no figures
    }
    return out;
  }

  /**
   * CPU milliseconds of the PostgreSQL server listening on {@code port}: the postmaster, the
   * children it waited for (closed connections), and its live children (backends, WAL writer,
   * checkpointer).
   */
  static double postgresMillis(int port) {
    long postmaster = postmaster(port);
    if (postmaster < 0) {
      return 0;
    }
    long[] p = stat(postmaster);
    double total = p == null ? 0 : (p[0] + p[1] + p[2] + p[3]) * TICK_MILLIS;
    for (long child : children(postmaster)) {
      total += millis(child);
    }
    return total;
  }

  /** The 1-minute load average of the machine. */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static long postmaster(int port) {
    String flag = "-p\u0000" + port + "\u0000";
    for (long pid : pids()) {
      String cmd = cmdline(pid);
      if (cmd.contains("postgres") && cmd.contains(flag) && cmd.contains("-D\u0000")) {
        long[] f = stat(pid);
        // The postmaster, not one of its children (whose parent is the postmaster itself).
        if (f != null && !cmdline(f[4]).contains(flag)) {
          return pid;
        }
      }
    }
    return -1;
  }

  private static List<Long> children(long parent) {
    List<Long> out = new ArrayList<>();
    for (long pid : pids()) {
      long[] f = stat(pid);
      if (f != null && f[4] == parent) {
        out.add(pid);
      }
    }
    return out;
  }

  private static List<Long> pids() {
    List<Long> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(Path.of("/proc"))) {
      dirs.map(d -> d.getFileName().toString())
          .filter(n -> n.chars().allMatch(Character::isDigit))
          .forEach(n -> out.add(Long.parseLong(n)));
    } catch (IOException e) {
      // no /proc: no figures
    }
    return out;
  }

  private static String cmdline(long pid) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")) + "\u0000";
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static String comm(long pid, long tid) {
    try {
      return Files.readString(
              Path.of("/proc", Long.toString(pid), "task", Long.toString(tid), "comm"))
          .trim();
    } catch (IOException e) {
      return "";
    }
  }

  private static long[] stat(long pid) {
    return parse(Path.of("/proc", Long.toString(pid), "stat"));
  }

  private static long[] stat(long pid, long tid) {
    return parse(Path.of("/proc", Long.toString(pid), "task", Long.toString(tid), "stat"));
  }

  /** utime, stime, cutime, cstime (ticks) and the parent pid, or null. */
  private static long[] parse(Path file) {
    try {
      String s = Files.readString(file);
      // Fields after the command name, which is in parentheses and may contain spaces.
      String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
      return new long[] {
        Long.parseLong(f[11]),
        Long.parseLong(f[12]),
        Long.parseLong(f[13]),
        Long.parseLong(f[14]),
        Long.parseLong(f[1])
      };
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
