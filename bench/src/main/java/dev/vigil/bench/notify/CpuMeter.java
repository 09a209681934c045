package dev.vigil.bench.notify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time (user + system) of a process and its children, read from {@code /proc}: what one
 * notification costs the service, PostgreSQL and Alertmanager, whatever else runs on the machine.
 * Children that exit between two readings are not counted (the service's pooled PostgreSQL
 * connections live for the whole run, so their backends are counted).
 */
final class CpuMeter {

  private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

  private CpuMeter() {}

  /** CPU seconds of {@code pid} and its direct children. */
  static double cpuSeconds(long pid) {
    long ticks = ticks(pid);
    for (long child : children(pid)) {
      ticks += ticks(child);
    }
    return ticks / (double) TICKS_PER_SECOND;
  }

  /** The postmaster of the PostgreSQL listening on {@code port} (started with {@code -p port}). */
  static long postmaster(int port) {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : procs.toList()) {
        String name = p.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        String cmd = cmdline(p);
        if (cmd.contains("postgres") && cmd.matches(".*(^| )-p " + port + "( |$).*")) {
          return Long.parseLong(name);
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }

  private static String cmdline(Path proc) {
    try {
      return new String(Files.readAllBytes(proc.resolve("cmdline"))).replace('\0', ' ').trim();
    } catch (IOException e) {
      return "";
    }
  }

  private static List<Long> children(long pid) {
    List<Long> out = new ArrayList<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : procs.toList()) {
        String name = p.getFileName().toString();
        if (name.chars().allMatch(Character::isDigit)) {
          String[] f = stat(Long.parseLong(name));
          if (f != null && Long.parseLong(f[1]) == pid) {
            out.add(Long.parseLong(name));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // a process list that changes under us: count what we saw
    }
    return out;
  }

  private static long ticks(long pid) {
    String[] f = stat(pid);
    return f == null ? 0 : Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  /**
   * Fields of /proc/pid/stat after the command name: [0]=state, [1]=ppid, [11]=utime, [12]=stime.
   */
  private static String[] stat(long pid) {
    try {
      String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return s.substring(s.lastIndexOf(')') + 2).split(" ");
    } catch (IOException e) {
      return null;
    }
  }
}
