package dev.vigil.alert.service;

import static dev.vigil.alert.domain.AlertTransition.CANCEL;
import static dev.vigil.alert.domain.AlertTransition.FIRE;
import static dev.vigil.alert.domain.AlertTransition.PEND;
import static dev.vigil.alert.domain.AlertTransition.REFIRE;
import static dev.vigil.alert.domain.AlertTransition.REFRESH;
import static dev.vigil.alert.domain.AlertTransition.RESOLVE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.TestScans;
import dev.vigil.alert.domain.Alert;
import dev.vigil.alert.domain.AlertStatus;
import dev.vigil.alert.persistence.ObservedEntityRepository;
import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The service against the real database, without Kafka in between. */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "alert"))
class AlertServiceTest {

  @Inject AlertService service;
  @Inject AlertQueries queries;
  @Inject ObservedEntityRepository observed;

  private final String target = "t-" + UUID.randomUUID();

  @Test
  void stillExpiringCertificateRefreshesTheSummaryQuietly() {
    String fingerprint = single(apply(TestScans.completed(target, "a.example.com", 10)), FIRE);
    Alert before = queries.find(fingerprint).orElseThrow();

    single(apply(TestScans.completed(target, "a.example.com", 9)), REFRESH);

    Alert after = queries.find(fingerprint).orElseThrow();
    assertThat(after.annotations().get("summary")).endsWith("expires in 9 days");
    assertThat(after.value()).isEqualTo(9.0);
    assertThat(after.startsAt()).isEqualTo(before.startsAt());
    assertThat(after.severity()).isEqualTo(before.severity());
  }

  @Test
  void resolvedAlertFiresAgainWithANewStart() {
    String fingerprint = single(apply(TestScans.completed(target, "b.example.com", 10)), FIRE);
    Alert first = queries.find(fingerprint).orElseThrow();
    single(apply(TestScans.completed(target, "b.example.com", 80)), RESOLVE);
    assertThat(queries.find(fingerprint).orElseThrow().status()).isEqualTo(AlertStatus.RESOLVED);

    assertThat(single(apply(TestScans.completed(target, "b.example.com", 3)), REFIRE))
        .isEqualTo(fingerprint);

    Alert refired = queries.find(fingerprint).orElseThrow();
    assertThat(refired.status()).isEqualTo(AlertStatus.FIRING);
    assertThat(refired.resolvedAt()).isNull();
    assertThat(refired.startsAt()).isAfter(first.startsAt());
  }

  @Test
  void changedTargetLabelsResolveTheOldAlertAndFireANewOne() {
    String old =
        single(
            apply(TestScans.completed(target, "c.example.com", 5, Map.of("team", "blue"))), FIRE);

    List<AlertTransitioned> result =
        apply(TestScans.completed(target, "c.example.com", 5, Map.of("team", "green")));

    assertThat(result).extracting(AlertTransitioned::transition).containsExactly(RESOLVE, FIRE);
    assertThat(result.get(0).fingerprint()).isEqualTo(old);
    String replacement = result.get(1).fingerprint();
    assertThat(replacement).isNotEqualTo(old);
    assertThat(queries.find(old).orElseThrow().status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(queries.find(replacement).orElseThrow().labels()).containsEntry("team", "green");
  }

  @Test
  void healthyTargetWithoutAlertsChangesNothing() {
    assertThat(apply(TestScans.completed(target, "d.example.com", 200))).isEmpty();
  }

  @Test
  void unreachableTargetOnlyStartsTheUnreachableRulesFor() {
    String fingerprint = single(apply(TestScans.unreachable(target, "d.example.com")), PEND);

    Alert pending = queries.find(fingerprint).orElseThrow();
    assertThat(pending.alertName()).isEqualTo("CertificateTargetUnreachable");
    assertThat(pending.status()).isEqualTo(AlertStatus.PENDING);
    assertThat(apply(TestScans.completed(target, "d.example.com", 200)))
        .extracting(AlertTransitioned::transition)
        .containsExactly(CANCEL);
    assertThat(queries.find(fingerprint).orElseThrow().status()).isEqualTo(AlertStatus.INACTIVE);
  }

  @Test
  void eventsOfOneEntityInOneBatchSeeEachOthersAlerts() {
    String other = "t-" + UUID.randomUUID();
    List<AlertTransitioned> result =
        service.applyAll(
            AlertService.CERTIFICATE_SCANS_CONSUMER,
            List.of(
                inbound(TestScans.completed(target, "e.example.com", 10)),
                inbound(TestScans.completed(other, "f.example.com", 10)),
                inbound(TestScans.completed(target, "e.example.com", 80)),
                inbound(TestScans.completed(target, "e.example.com", 3))));

    assertThat(result)
        .extracting(AlertTransitioned::transition)
        .containsExactly(FIRE, FIRE, RESOLVE, REFIRE);
    assertThat(result.get(2).fingerprint()).isEqualTo(result.get(0).fingerprint());
    assertThat(queries.find(result.get(0).fingerprint()).orElseThrow().status())
        .isEqualTo(AlertStatus.FIRING);
    assertThat(queries.find(result.get(1).fingerprint()).orElseThrow().status())
        .isEqualTo(AlertStatus.FIRING);
  }

  @Test
  void aBatchRedeliveredOrRepeatingAnEventChangesNothingTheSecondTime() {
    AlertService.Inbound expiring = inbound(TestScans.completed(target, "g.example.com", 10));

    List<AlertTransitioned> first =
        service.applyAll(AlertService.CERTIFICATE_SCANS_CONSUMER, List.of(expiring, expiring));
    List<AlertTransitioned> again =
        service.applyAll(AlertService.CERTIFICATE_SCANS_CONSUMER, List.of(expiring));

    assertThat(first).extracting(AlertTransitioned::transition).containsExactly(FIRE);
    assertThat(again).isEmpty();
  }

  @Test
  void oneBatchObservingAnEntityTwiceKeepsItsLastLabelsForTheNoDataClock() {
    // Both events are due for the observed_entity row (the labels changed), and one multi-row
    // upsert may not touch a row twice: the rows are merged as if written one after the other.
    List<AlertTransitioned> result =
        service.applyAll(
            AlertService.CERTIFICATE_SCANS_CONSUMER,
            List.of(
                inbound(TestScans.completed(target, "h.example.com", 200, Map.of("team", "blue"))),
                inbound(
                    TestScans.completed(target, "h.example.com", 200, Map.of("team", "green")))));

    assertThat(result).isEmpty();
    ObservedEntityRepository.Row row =
        QuarkusTransaction.requiringNew()
            .call(() -> observed.find("dev.vigil.certificate.scanned.v1", target).orElseThrow());
    assertThat(row.labels()).containsEntry("team", "green").containsEntry("target_id", target);
  }

  private static AlertService.Inbound inbound(dev.vigil.events.CertificateScanned scan) {
    return new AlertService.Inbound(
        UUID.randomUUID().toString(), dev.vigil.alert.rules.FactSheets.certificate(scan));
  }

  private List<AlertTransitioned> apply(dev.vigil.events.CertificateScanned scan) {
    return service.apply(UUID.randomUUID().toString(), scan);
  }

  /** Asserts one transition of the given kind and returns its fingerprint. */
  private static String single(
      List<AlertTransitioned> result, dev.vigil.alert.domain.AlertTransition expected) {
    assertThat(result).extracting(AlertTransitioned::transition).containsExactly(expected);
    return result.get(0).fingerprint();
  }
}
