package dev.vigil.alert.domain.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NotifyConfigParserTest {

  static final NotifyConfigParser.SecretSource SECRETS =
      new NotifyConfigParser.SecretSource() {
        @Override
        public String file(String path) {
          return path.equals("/run/secrets/pd") ? "pd-key-from-file\n" : null;
        }

        @Override
        public String env(String name) {
          return name.equals("HOOK_URL") ? "https://hooks.example.com/T0/SECRET" : null;
        }
      };

  static NotifyConfig parse(String yaml) {
    try {
      Map<String, Object> doc =
          new ObjectMapper(new YAMLFactory()).readValue(yaml, new TypeReference<>() {});
      return NotifyConfigParser.parse(doc, SECRETS, "http://vigil.example");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void readsEveryIntegrationWithAlertmanagerDefaults() {
    NotifyConfig cfg =
        parse(
            """
            global:
              smtp_smarthost: 'mail.example:2525'
              smtp_from: vigil@example.com
            route:
              receiver: all
            receivers:
              - name: all
                webhook_configs:
                  - url: http://127.0.0.1:9/hook
                    max_alerts: 10
                slack_configs:
                  - api_url: '${HOOK_URL}'
                    channel: '#alerts'
                pagerduty_configs:
                  - routing_key_file: /run/secrets/pd
                email_configs:
                  - to: 'a@example.com, b@example.com'
                    require_tls: false
            """);
    assertThat(cfg.integrations("all"))
        .containsExactly(
            new Integration.Webhook("http://127.0.0.1:9/hook", true, 10),
            new Integration.Slack("https://hooks.example.com/T0/SECRET", "#alerts", null, false),
            new Integration.PagerDuty(
                "pd-key-from-file", Integration.PagerDuty.DEFAULT_URL, "error", null, true),
            new Integration.Email(
                java.util.List.of("a@example.com", "b@example.com"),
                "vigil@example.com",
                "mail.example",
                2525,
                null,
                null,
                false,
                false));
    assertThat(cfg.sendResolved("all")).isTrue();
  }

  @Test
  void secretsNeverAppearInToString() {
    NotifyConfig cfg =
        parse(
            """
            route: {receiver: r}
            receivers:
              - name: r
                slack_configs: [{api_url: '${HOOK_URL}'}]
                pagerduty_configs: [{routing_key: top-secret-key}]
                email_configs: [{to: a@b.c, from: x@y.z, smarthost: 'h:25', auth_username: u, auth_password: hunter2}]
            """);
    assertThat(cfg.toString()).doesNotContain("SECRET", "top-secret-key", "hunter2");
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("no route", "receivers: [{name: a}]", "route: required"),
        Arguments.of(
            "unknown receiver",
            "route: {receiver: b}\nreceivers: [{name: a}]",
            "route.receiver: undefined receiver 'b'"),
        Arguments.of(
            "typo in a field",
            "route: {receiver: a, group_wiat: 1s}\nreceivers: [{name: a}]",
            "route.group_wiat: unknown field"),
        Arguments.of(
            "bad matcher names its index",
            "route: {receiver: a, routes: [{matchers: ['x=1', 'y~2']}]}\nreceivers: [{name: a}]",
            "route.routes[0].matchers[1]: bad matcher"),
        Arguments.of(
            "bad duration",
            "route: {receiver: a, group_wait: soon}\nreceivers: [{name: a}]",
            "route.group_wait: invalid duration"),
        Arguments.of(
            "zero group_interval",
            "route: {receiver: a, group_interval: 0s}\nreceivers: [{name: a}]",
            "group_interval must be greater than 0"),
        Arguments.of(
            "duplicate receiver",
            "route: {receiver: a}\nreceivers: [{name: a}, {name: a}]",
            "receivers[1].name: duplicate receiver"),
        Arguments.of(
            "webhook without url",
            "route: {receiver: a}\nreceivers: [{name: a, webhook_configs: [{}]}]",
            "receivers[0].webhook_configs[0].url: required"),
        Arguments.of(
            "url that is not http does not echo the value",
            "route: {receiver: a}\nreceivers: [{name: a, webhook_configs: [{url: 'ftp://secret'}]}]",
            "must be an http"),
        Arguments.of(
            "env secret missing",
            "route: {receiver: a}\nreceivers: [{name: a, slack_configs: [{api_url: '${NOPE}'}]}]",
            "environment variable NOPE is not set"),
        Arguments.of(
            "secret file missing",
            "route: {receiver: a}\nreceivers: [{name: a, pagerduty_configs: [{routing_key_file: /nope}]}]",
            "routing_key_file: cannot read /nope"),
        Arguments.of(
            "undefined time interval",
            "route: {receiver: a, routes: [{mute_time_intervals: [night]}]}\nreceivers: [{name: a}]",
            "undefined time interval 'night'"),
        Arguments.of(
            "bad weekday",
            "route: {receiver: a}\nreceivers: [{name: a}]\ntime_intervals: [{name: n, time_intervals: [{weekdays: [funday]}]}]",
            "unknown weekday 'funday'"),
        Arguments.of(
            "bad inhibit matcher",
            "route: {receiver: a}\nreceivers: [{name: a}]\ninhibit_rules: [{source_matchers: ['a=~\"(\"']}]",
            "inhibit_rules[0].source_matchers[0]: invalid regex"),
        Arguments.of(
            "root route with matchers",
            "route: {receiver: a, matchers: ['a=b']}\nreceivers: [{name: a}]",
            "root route must not have matchers"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejectsNamingTheField(String name, String yaml, String message) {
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(NotifyConfigException.class)
        .hasMessageContaining(message)
        .hasMessageNotContaining("secret");
  }

  @Test
  void logOnlyDefaultHasAReceiverWithoutIntegrations() {
    NotifyConfig cfg = NotifyConfig.logOnly("http://x");
    assertThat(cfg.root().match(Map.of("alertname", "A")))
        .extracting(Route::receiver)
        .containsExactly("log-only");
    assertThat(cfg.integrations("log-only")).isEmpty();
  }

  @Test
  void durationsFollowPrometheus() {
    assertThat(Durations.parse("1h30m")).hasMinutes(90);
    assertThat(Durations.parse("0s")).isZero();
    assertThat(Durations.parse("250ms")).hasMillis(250);
    assertThat(Durations.parse("2d")).hasHours(48);
    assertThatThrownBy(() -> Durations.parse("5 minutes")).hasMessageContaining("invalid duration");
  }
}
