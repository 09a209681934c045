package dev.vigil.alert.domain.notify;

import static dev.vigil.alert.domain.notify.Alerts.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SilenceTest {

  static Silence silence(List<String> matchers, long startOffset, long endOffset) {
    return new Silence(
        "id",
        matchers.stream().map(LabelMatcher::parse).toList(),
        T0.plusSeconds(startOffset),
        T0.plusSeconds(endOffset),
        "ops",
        "maintenance",
        T0,
        false);
  }

  static final Map<String, String> LABELS = Map.of("alertname", "ChainLag", "chain", "base");

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of(
            "active and matching",
            silence(List.of("chain=base"), -60, 60),
            0,
            Silence.State.ACTIVE,
            true),
        Arguments.of(
            "active, not matching",
            silence(List.of("chain=op"), -60, 60),
            0,
            Silence.State.ACTIVE,
            false),
        Arguments.of(
            "all matchers must match",
            silence(List.of("chain=base", "alertname=X"), -60, 60),
            0,
            Silence.State.ACTIVE,
            false),
        Arguments.of(
            "pending", silence(List.of("chain=base"), 30, 60), 0, Silence.State.PENDING, false),
        Arguments.of(
            "starts exactly now",
            silence(List.of("chain=base"), 0, 60),
            0,
            Silence.State.ACTIVE,
            true),
        Arguments.of(
            "ends exactly now: expired",
            silence(List.of("chain=base"), -60, 0),
            0,
            Silence.State.EXPIRED,
            false),
        Arguments.of(
            "expired", silence(List.of("chain=base"), -60, -1), 0, Silence.State.EXPIRED, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void mutesOnlyWhileActive(String name, Silence s, long at, Silence.State state, boolean mutes) {
    Instant now = T0.plusSeconds(at);
    assertThat(s.state(now)).isEqualTo(state);
    assertThat(s.mutes(LABELS, now)).isEqualTo(mutes);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("no matchers", silence(List.of(), 0, 60), "matchers"),
        Arguments.of("matches everything", silence(List.of("a=~\".*\""), 0, 60), "matchers"),
        Arguments.of("end before start", silence(List.of("a=b"), 60, 0), "endsAt"),
        Arguments.of(
            "no author",
            new Silence(
                "i",
                List.of(LabelMatcher.parse("a=b")),
                T0,
                T0.plusSeconds(1),
                " ",
                "c",
                T0,
                false),
            "createdBy"),
        Arguments.of(
            "no comment",
            new Silence(
                "i",
                List.of(LabelMatcher.parse("a=b")),
                T0,
                T0.plusSeconds(1),
                "me",
                null,
                T0,
                false),
            "comment"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void validatesLikeAlertmanager(String name, Silence s, String field) {
    assertThat(s.problem()).isNotNull().extracting(Map.Entry::getKey).isEqualTo(field);
  }

  @Test
  void expiringEndsNowAndAPendingSilenceNeverStarts() {
    Silence pending = silence(List.of("a=b"), 60, 120);
    Silence expired = pending.expire(T0);
    assertThat(expired.state(T0)).isEqualTo(Silence.State.EXPIRED);
    assertThat(expired.startsAt()).isEqualTo(T0);
    assertThat(expired.endsAt()).isEqualTo(T0);
    Silence active = silence(List.of("a=b"), -60, 120).expire(T0);
    assertThat(active.startsAt()).isEqualTo(T0.minusSeconds(60));
    assertThat(silence(List.of("a=b"), 0, 60).problem()).isNull();
  }
}
