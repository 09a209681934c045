package dev.vigil.alert.domain.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RouteTest {

  /**
   *
   *
   * <pre>
   * root -> default
   *   severity=critical, continue -> pager
   *   team=chain -> chain-team
   *     alertname=ChainLag -> chain-lag
   *   team=~"chain|infra" -> infra
   * </pre>
   */
  static final String CONFIG =
      """
      route:
        receiver: default
        group_by: [alertname]
        group_wait: 30s
        routes:
          - matchers: ['severity="critical"']
            receiver: pager
            continue: true
            group_wait: 10s
          - matchers: ['team="chain"']
            receiver: chain-team
            group_by: ['...']
            routes:
              - matchers: ['alertname="ChainLag"']
                receiver: chain-lag
          - matchers: ['team=~"chain|infra"']
            receiver: infra
      receivers:
        - name: default
        - name: pager
        - name: chain-team
        - name: chain-lag
        - name: infra
      """;

  static final Route ROOT = NotifyConfigParserTest.parse(CONFIG).root();

  static Stream<Arguments> routing() {
    return Stream.of(
        Arguments.of(
            "no child matches: the root takes it", Map.of("team", "web"), List.of("default")),
        Arguments.of(
            "first matching child without continue stops",
            Map.of("team", "chain"),
            List.of("chain-team")),
        Arguments.of(
            "deepest match wins",
            Map.of("team", "chain", "alertname", "ChainLag"),
            List.of("chain-lag")),
        Arguments.of(
            "continue lets later siblings match too",
            Map.of("severity", "critical", "team", "chain"),
            List.of("pager", "chain-team")),
        Arguments.of("continue alone", Map.of("severity", "critical"), List.of("pager")),
        Arguments.of("regex sibling", Map.of("team", "infra"), List.of("infra")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routing")
  void routesAsAlertmanagerDoes(String name, Map<String, String> labels, List<String> receivers) {
    assertThat(ROOT.match(labels)).extracting(Route::receiver).containsExactlyElementsOf(receivers);
  }

  @Test
  void childrenInheritTimersAndGrouping() {
    Route pager = ROOT.match(Map.of("severity", "critical")).get(0);
    assertThat(pager.groupBy()).containsExactly("alertname");
    assertThat(pager.timing().groupWait()).hasSeconds(10);
    assertThat(pager.timing().groupInterval()).isEqualTo(GroupTiming.DEFAULTS.groupInterval());
    Route chainLag = ROOT.match(Map.of("team", "chain", "alertname", "ChainLag")).get(0);
    assertThat(chainLag.groupByAll()).isTrue();
    assertThat(chainLag.timing().groupWait()).hasSeconds(30);
  }

  @Test
  void groupKeysFollowAlertmanagersFormat() {
    Route pager = ROOT.match(Map.of("severity", "critical")).get(0);
    Map<String, String> labels =
        Map.of("alertname", "CertExpiring", "severity", "critical", "x", "1");
    Map<String, String> group = pager.groupLabels(labels);
    assertThat(group).containsExactly(Map.entry("alertname", "CertExpiring"));
    assertThat(pager.groupKey(group))
        .isEqualTo("{}/{severity=\"critical\"}:{alertname=\"CertExpiring\"}");
    assertThat(pager.id()).isEqualTo("{}/{severity=\"critical\"}/0");
  }

  @Test
  void groupByAllMakesEveryLabelSetItsOwnGroup() {
    Route chain = ROOT.match(Map.of("team", "chain")).get(0);
    String a = chain.groupId(chain.groupLabels(Map.of("team", "chain", "node", "a")));
    String b = chain.groupId(chain.groupLabels(Map.of("team", "chain", "node", "b")));
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void sameLabelsOnDifferentRoutesAreDifferentGroups() {
    List<Route> both = ROOT.match(Map.of("severity", "critical", "team", "chain"));
    Map<String, String> labels = Map.of("alertname", "X");
    assertThat(both.get(0).groupId(labels)).isNotEqualTo(both.get(1).groupId(labels));
  }
}
