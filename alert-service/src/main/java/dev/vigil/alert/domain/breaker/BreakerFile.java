package dev.vigil.alert.domain.breaker;

import java.util.List;

/**
 * One breaker file, read all or nothing: if any definition has a problem the file contributes no
 * breakers and the registry keeps the file's last good version.
 *
 * @param origin file name (or {@code classpath:...} for the shipped pack)
 * @param specs the definitions in file order, including {@code enabled: false} ones; empty when
 *     {@code problems} is not
 * @param problems everything wrong, with lines
 */
public record BreakerFile(String origin, List<BreakerSpec> specs, List<BreakerProblem> problems) {

  public BreakerFile {
    specs = List.copyOf(specs);
    problems = List.copyOf(problems);
  }

  public boolean valid() {
    return problems.isEmpty();
  }
}
