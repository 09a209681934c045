package dev.vigil.platform.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransientFailuresTest {

  @ParameterizedTest(name = "SQLSTATE {0} transient={1}")
  @CsvSource(
      textBlock =
          """
          08006, true
          08001, true
          40001, true
          40P01, true
          53300, true
          57P01, true
          23505, false
          22001, false
          42P01, false
          """)
  void sqlStatesAreClassifiedByClass(String state, boolean transientFailure) {
    RuntimeException wrapped =
        new RuntimeException("persistence failed", new SQLException("boom", state));
    assertThat(TransientFailures.isTransient(wrapped)).isEqualTo(transientFailure);
  }

  @Test
  void programmingErrorsAreNotTransient() {
    assertThat(TransientFailures.isTransient(new IllegalArgumentException("bad"))).isFalse();
    assertThat(TransientFailures.isTransient(new NullPointerException())).isFalse();
  }

  @Test
  void transientFailureIsRetriedUntilItSucceeds() {
    AtomicInteger calls = new AtomicInteger();
    String result =
        TransientFailures.retry(
            () -> {
              if (calls.incrementAndGet() < 3) {
                throw new RuntimeException(new SQLTransientConnectionException("db restarting"));
              }
              return "done";
            },
            Duration.ofMillis(1),
            Duration.ofSeconds(5));
    assertThat(result).isEqualTo("done");
    assertThat(calls).hasValue(3);
  }

  @Test
  void permanentFailureIsNotRetried() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                TransientFailures.retry(
                    () -> {
                      calls.incrementAndGet();
                      throw new IllegalStateException("bug");
                    },
                    Duration.ofMillis(1),
                    Duration.ofSeconds(5)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(calls).hasValue(1);
  }

  @Test
  void retryingStopsAtTheDeadline() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                TransientFailures.retry(
                    () -> {
                      calls.incrementAndGet();
                      throw new RuntimeException(new SQLException("down", "08006"));
                    },
                    Duration.ofMillis(20),
                    Duration.ofMillis(100)))
        .hasRootCauseInstanceOf(SQLException.class);
    assertThat(calls.get()).isBetween(2, 5);
  }
}
