package dev.vigil.bench.scanrate;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used by a process and its children, from {@code /proc/<pid>/stat}. Per-operation CPU
 * cost does not depend on what else runs on the machine, unlike a rate, so it is the figure to
 * compare when the machine is shared.
 */
final class ProcessCpu {

  /** Clock ticks per second of {@code /proc/<pid>/stat}: 100 on every Linux this runs on. */
  private static final double TICKS_PER_SECOND = 100.0;

  private ProcessCpu() {}

  /** CPU seconds of {@code process} and all its descendants (nginx's workers, for one). */
  static double seconds(ProcessHandle process) {
    return Stream.concat(Stream.of(process), process.descendants())
        .mapToDouble(p -> seconds(p.pid()))
        .sum();
  }

  /** CPU seconds of this JVM. */
  static double self() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e9;
  }

  private static double seconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // Fields after the command name, which may itself contain spaces and parentheses.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
  }
}
