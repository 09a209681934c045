package dev.vigil.bench.incident;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU seconds of the service JVM and of the PostgreSQL server, from {@code /proc}. CPU per
 * operation hardly depends on what else runs on the machine, unlike a rate, so it is the figure to
 * compare on a shared machine.
 */
final class Cpu {

  private static final double TICKS_PER_SECOND = 100.0;

  private final ProcessHandle service;
  private final long postmaster;

  private Cpu(ProcessHandle service, long postmaster) {
    this.service = service;
    this.postmaster = postmaster;
  }

  /** Finds the postmaster listening on {@code pgPort} (the bench's own server, not others'). */
  static Cpu of(ProcessHandle service, int pgPort) {
    long found = -1;
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : (Iterable<Path>) procs::iterator) {
        String name = p.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        String[] args = cmdline(p);
        if (args.length > 0 && args[0].endsWith("/postgres")) {
          for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("-p") && args[i + 1].equals(Integer.toString(pgPort))) {
              found = Long.parseLong(name);
            }
          }
        }
      }
    } catch (IOException e) {
      // leave it unknown
    }
    return new Cpu(service, found);
  }

  /** Service JVM CPU seconds. */
  double service() {
    return seconds(service.pid(), false);
  }

  /** PostgreSQL CPU seconds: the postmaster, its live backends and the ones that exited. */
  double postgres() {
    if (postmaster < 0) {
      return Double.NaN;
    }
    return seconds(postmaster, true)
        + ProcessHandle.of(postmaster).stream()
            .flatMap(ProcessHandle::children)
            .mapToDouble(h -> seconds(h.pid(), false))
            .sum();
  }

  /** A snapshot of both. */
  Sample sample() {
    return new Sample(service(), postgres(), System.nanoTime());
  }

  record Sample(double service, double postgres, long nanos) {

    /** Microseconds of CPU per operation between two samples, service and PostgreSQL. */
    String perOp(Sample later, long ops) {
      return String.format(
          "%,.0f µs service + %,.0f µs PostgreSQL",
          (later.service - service) * 1e6 / ops, (later.postgres - postgres) * 1e6 / ops);
    }

    /** Share of one core used by the service over the interval. */
    double serviceCores(Sample later) {
      return (later.service - service) / ((later.nanos - nanos) / 1e9);
    }
  }

  private static String[] cmdline(Path proc) {
    try {
      return new String(Files.readAllBytes(proc.resolve("cmdline"))).split("\0");
    } catch (IOException | RuntimeException gone) {
      return new String[0];
    }
  }

  private static double seconds(long pid, boolean withWaitedChildren) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
      if (withWaitedChildren) {
        ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
      }
      return ticks / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
  }
}
