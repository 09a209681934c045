package dev.vigil.alert.messaging;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.alert.TestScans;
import dev.vigil.events.CertificateScanned;
import dev.vigil.events.ScanOutcome;
import dev.vigil.platform.messaging.PoisonRecordException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CertificateScanValidationTest {

  static Stream<Arguments> poison() {
    CertificateScanned ok = TestScans.completed("t-1", "a.example.com", 5);
    return Stream.of(
        Arguments.of("no target id", with(ok, null, ok.outcome(), ok.daysLeft()), "targetId"),
        Arguments.of("blank target id", with(ok, " ", ok.outcome(), ok.daysLeft()), "targetId"),
        Arguments.of("no outcome", with(ok, "t-1", null, ok.daysLeft()), "outcome"),
        Arguments.of(
            "completed without days left",
            with(ok, "t-1", ScanOutcome.COMPLETED, null),
            "daysLeft"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("poison")
  void scansWithoutWhatADecisionNeedsArePoison(String name, CertificateScanned scan, String field) {
    assertThatThrownBy(() -> CertificateScanConsumer.validate(scan))
        .isInstanceOf(PoisonRecordException.class)
        .hasMessageContaining(field);
  }

  @Test
  void unreachableScanWithoutDaysLeftIsValid() {
    assertThatCode(
            () -> CertificateScanConsumer.validate(TestScans.unreachable("t-1", "a.example.com")))
        .doesNotThrowAnyException();
  }

  private static CertificateScanned with(
      CertificateScanned s, String targetId, ScanOutcome outcome, Long daysLeft) {
    return new CertificateScanned(
        s.scanId(),
        targetId,
        s.target(),
        s.labels(),
        s.scannedAt(),
        outcome,
        s.unreachableReason(),
        s.detail(),
        s.protocol(),
        s.chain(),
        s.earliestNotAfter(),
        daysLeft,
        s.findings());
  }
}
