package dev.vigil.incident.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.events.Severity;
import dev.vigil.incident.domain.ResponseTimes.Row;
import dev.vigil.incident.domain.ResponseTimes.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseTimesTest {

  static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

  static Sample sample(String component, Severity severity, Integer ackMin, Integer resolveMin) {
    return new Sample(
        component,
        severity,
        T0,
        ackMin == null ? null : T0.plus(Duration.ofMinutes(ackMin)),
        resolveMin == null ? null : T0.plus(Duration.ofMinutes(resolveMin)));
  }

  @Test
  void meansAreTakenOverAcknowledgedAndResolvedIncidentsOnly() {
    List<Row> rows =
        ResponseTimes.summarize(
            List.of(
                sample("api", Severity.CRITICAL, 2, 30),
                sample("api", Severity.CRITICAL, 4, null),
                sample("api", Severity.CRITICAL, null, 60),
                sample("api", Severity.WARNING, null, null),
                sample("base", Severity.CRITICAL, 10, 20)));

    Row apiCritical =
        rows.stream()
            .filter(r -> r.component().equals("api") && r.severity() == Severity.CRITICAL)
            .findFirst()
            .orElseThrow();
    assertThat(apiCritical.incidents()).isEqualTo(3);
    assertThat(apiCritical.mtta()).isEqualTo(Duration.ofMinutes(3));
    assertThat(apiCritical.mttr()).isEqualTo(Duration.ofMinutes(45));
    Row apiWarning =
        rows.stream()
            .filter(r -> r.component().equals("api") && r.severity() == Severity.WARNING)
            .findFirst()
            .orElseThrow();
    assertThat(apiWarning.mtta()).isNull();
    assertThat(apiWarning.mttr()).isNull();
    assertThat(rows).extracting(Row::component).containsExactly("api", "api", "base");
  }
}
