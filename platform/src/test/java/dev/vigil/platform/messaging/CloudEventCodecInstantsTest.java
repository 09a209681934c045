package dev.vigil.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Payload timestamps read through the fast path give what the plain strict mapper gives. */
class CloudEventCodecInstantsTest {

  record Stamp(String id, Instant at) {}

  private static final ObjectMapper BASE = new ObjectMapper().registerModule(new JavaTimeModule());
  private static final ObjectMapper PLAIN =
      BASE.copy()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  private static final ObjectMapper FAST = CloudEventCodec.strict(BASE);

  static Stream<Arguments> payloads() {
    return Stream.of(
        Arguments.of("producer shape", "{\"id\":\"a\",\"at\":\"2026-11-25T16:05:07.123456Z\"}"),
        Arguments.of("whole seconds", "{\"id\":\"a\",\"at\":\"2026-11-25T16:05:07Z\"}"),
        Arguments.of("an offset", "{\"id\":\"a\",\"at\":\"2026-11-25T16:05:07+02:00\"}"),
        Arguments.of("epoch seconds", "{\"id\":\"a\",\"at\":1764086707.5}"),
        Arguments.of("epoch millis as integer", "{\"id\":\"a\",\"at\":1764086707}"),
        Arguments.of("null", "{\"id\":\"a\",\"at\":null}"),
        Arguments.of("absent", "{\"id\":\"a\"}"),
        Arguments.of("unknown field", "{\"id\":\"a\",\"at\":\"2026-11-25T16:05:07Z\",\"x\":1}"),
        Arguments.of("not a time", "{\"id\":\"a\",\"at\":\"yesterday\"}"),
        Arguments.of("a leap second", "{\"id\":\"a\",\"at\":\"2026-12-31T23:59:60Z\"}"),
        Arguments.of("empty string", "{\"id\":\"a\",\"at\":\"\"}"),
        Arguments.of("an object", "{\"id\":\"a\",\"at\":{}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("payloads")
  void readsAsThePlainStrictMapper(String name, String json) {
    Object plain = read(PLAIN, json);
    Object fast = read(FAST, json);

    if (plain instanceof Throwable p) {
      assertThat(fast).isInstanceOf(p.getClass());
      assertThat(((Throwable) fast).getMessage()).isEqualTo(p.getMessage());
    } else {
      assertThat(fast).isEqualTo(plain);
    }
  }

  private static Object read(ObjectMapper mapper, String json) {
    Throwable error = catchThrowable(() -> mapper.readerFor(Stamp.class).readValue(json));
    if (error != null) {
      return error;
    }
    try {
      return mapper.readerFor(Stamp.class).readValue(json);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
