package dev.vigil.alert.domain.notify;

import static dev.vigil.alert.domain.notify.Alerts.firing;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InhibitorTest {

  /** A provider outage inhibits the chain-lag alerts of the same provider. */
  static final InhibitRule OUTAGE_HIDES_LAG =
      new InhibitRule(
          List.of(LabelMatcher.parse("alertname=ProviderDown")),
          List.of(LabelMatcher.parse("alertname=ChainLag")),
          List.of("provider"));

  /** Critical inhibits warning of the same alertname (matches both ways for critical+warning). */
  static final InhibitRule CRITICAL_HIDES_WARNING =
      new InhibitRule(
          List.of(LabelMatcher.parse("severity=~\"critical|warning\"")),
          List.of(LabelMatcher.parse("severity=~\"critical|warning\"")),
          List.of("alertname"));

  static NotifyAlert alert(String fp, String... kv) {
    Map<String, String> labels = new java.util.HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      labels.put(kv[i], kv[i + 1]);
    }
    return firing(fp, labels);
  }

  static final NotifyAlert LAG_ALCHEMY =
      alert("lag1", "alertname", "ChainLag", "provider", "alchemy");
  static final NotifyAlert DOWN_ALCHEMY =
      alert("down1", "alertname", "ProviderDown", "provider", "alchemy");
  static final NotifyAlert DOWN_INFURA =
      alert("down2", "alertname", "ProviderDown", "provider", "infura");
  static final NotifyAlert DOWN_NO_PROVIDER = alert("down3", "alertname", "ProviderDown");
  static final NotifyAlert LAG_NO_PROVIDER = alert("lag2", "alertname", "ChainLag");

  static Stream<Arguments> table() {
    NotifyAlert resolvedDown =
        new NotifyAlert(
            "down4", DOWN_ALCHEMY.labels(), Map.of(), Alerts.T0, Alerts.T0.plusSeconds(1), null);
    NotifyAlert critical = alert("c", "alertname", "Disk", "severity", "critical");
    return Stream.of(
        Arguments.of(
            "source firing with equal labels inhibits",
            OUTAGE_HIDES_LAG,
            List.of(DOWN_ALCHEMY),
            LAG_ALCHEMY,
            true),
        Arguments.of(
            "other provider does not", OUTAGE_HIDES_LAG, List.of(DOWN_INFURA), LAG_ALCHEMY, false),
        Arguments.of("no source firing", OUTAGE_HIDES_LAG, List.of(), LAG_ALCHEMY, false),
        Arguments.of(
            "a resolved source inhibits nothing",
            OUTAGE_HIDES_LAG,
            List.of(resolvedDown),
            LAG_ALCHEMY,
            false),
        Arguments.of(
            "the source itself is not a target",
            OUTAGE_HIDES_LAG,
            List.of(DOWN_ALCHEMY),
            DOWN_ALCHEMY,
            false),
        Arguments.of(
            "both missing the equal label count as equal",
            OUTAGE_HIDES_LAG,
            List.of(DOWN_NO_PROVIDER),
            LAG_NO_PROVIDER,
            true),
        Arguments.of(
            "one missing the equal label is not equal",
            OUTAGE_HIDES_LAG,
            List.of(DOWN_NO_PROVIDER),
            LAG_ALCHEMY,
            false),
        Arguments.of(
            "an alert never inhibits itself",
            CRITICAL_HIDES_WARNING,
            List.of(critical),
            critical,
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void inhibitsAsAlertmanagerDoes(
      String name,
      InhibitRule rule,
      List<NotifyAlert> firing,
      NotifyAlert target,
      boolean expected) {
    List<NotifyAlert> all = new java.util.ArrayList<>(firing);
    all.add(target);
    assertThat(new Inhibitor(List.of(rule), all).inhibits(target)).isEqualTo(expected);
  }
}
