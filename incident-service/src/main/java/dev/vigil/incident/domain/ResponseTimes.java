package dev.vigil.incident.domain;

import dev.vigil.events.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Mean time to acknowledge (MTTA) and to resolve (MTTR) per component and severity. An incident
 * counts towards every component it affected ({@code "-"} when none); MTTA averages over the
 * acknowledged incidents, MTTR over the resolved ones, so open incidents do not drag the means
 * down.
 */
public final class ResponseTimes {

  /** One incident's times, for one component it affected. */
  public record Sample(
      String component,
      Severity severity,
      Instant openedAt,
      Instant acknowledgedAt,
      Instant resolvedAt) {}

  /** The figures of one component and severity. */
  public record Row(
      String component,
      Severity severity,
      int incidents,
      int acknowledged,
      int resolved,
      Duration mtta,
      Duration mttr) {}

  private ResponseTimes() {}

  public static List<Row> summarize(List<Sample> samples) {
    Map<String, List<Sample>> groups = new TreeMap<>();
    for (Sample s : samples) {
      groups
          .computeIfAbsent(s.component() + "\u0000" + s.severity(), k -> new ArrayList<>())
          .add(s);
    }
    List<Row> rows = new ArrayList<>();
    for (List<Sample> group : groups.values()) {
      long ackTotal = 0;
      long resolveTotal = 0;
      int acked = 0;
      int resolved = 0;
      for (Sample s : group) {
        if (s.acknowledgedAt() != null) {
          ackTotal += Duration.between(s.openedAt(), s.acknowledgedAt()).toMillis();
          acked++;
        }
        if (s.resolvedAt() != null) {
          resolveTotal += Duration.between(s.openedAt(), s.resolvedAt()).toMillis();
          resolved++;
        }
      }
      Sample first = group.get(0);
      rows.add(
          new Row(
              first.component(),
              first.severity(),
              group.size(),
              acked,
              resolved,
              acked == 0 ? null : Duration.ofMillis(ackTotal / acked),
              resolved == 0 ? null : Duration.ofMillis(resolveTotal / resolved)));
    }
    rows.sort(Comparator.comparing(Row::component).thenComparing(Row::severity));
    return rows;
  }
}
