package dev.vigil.scanner.domain.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.events.Finding;
import dev.vigil.events.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CrossChecksTest {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final CrossChecks CHECKS = new CrossChecks(Clock.fixed(NOW, ZoneOffset.UTC));

  /** A certificate for {@code names}, expiring in {@code days}, seen at the given places. */
  private static Cert cert(String sha, String names, long days) {
    return new Cert(sha, "key-" + sha, names, days, false, new ArrayList<>());
  }

  private record Cert(
      String sha, String key, String names, long days, boolean ca, List<Sighting> places) {
    Cert servedAt(String hostPort) {
      places.add(new Sighting("TLS_ENDPOINT", "t-" + hostPort, hostPort, true));
      return this;
    }

    Cert formerlyServedAt(String hostPort) {
      places.add(new Sighting("TLS_ENDPOINT", "t-" + hostPort, hostPort, false));
      return this;
    }

    Cert in(String kind, String where) {
      places.add(new Sighting(kind, "s-" + where, where, true));
      return this;
    }

    Cert formerlyIn(String kind, String where) {
      places.add(new Sighting(kind, "s-" + where, where, false));
      return this;
    }

    Cert withKey(String spki) {
      return new Cert(sha, spki, names, days, ca, places);
    }

    Cert authority() {
      return new Cert(sha, key, names, days, true, places);
    }

    InventoryCertificate build() {
      return new InventoryCertificate(
          sha,
          key,
          "CN=" + names.split(",")[0],
          Stream.of(names.split(",")).map(n -> "DNS:" + n).toList(),
          NOW.plus(Duration.ofDays(days)),
          ca,
          places);
    }
  }

  static Stream<Arguments> renewals() {
    return Stream.of(
        renewal(
            "file holds a newer certificate for the same names",
            List.of(
                cert("old", "shop.test", 5).servedAt("shop.test:443"),
                cert("new", "shop.test", 90).in("FILE", "/etc/tls/shop.pem")),
            "old",
            "new"),
        renewal(
            "Kubernetes Secret holds the renewal",
            List.of(
                cert("old", "shop.test", 5).servedAt("shop.test:443"),
                cert("new", "shop.test", 90).in("KUBERNETES_SECRET", "Secret shop/web-tls")),
            "old",
            "new"),
        renewal(
            "SAN order does not matter",
            List.of(
                cert("old", "a.test,b.test", 5).servedAt("a.test:443"),
                cert("new", "b.test,a.test", 90).in("FILE", "/tls/ab.pem")),
            "old",
            "new"),
        renewal(
            "the newest of several renewals is named",
            List.of(
                cert("old", "shop.test", 5).servedAt("shop.test:443"),
                cert("newer", "shop.test", 60).in("FILE", "/tls/a.pem"),
                cert("newest", "shop.test", 90).in("FILE", "/tls/b.pem")),
            "old",
            "newest"),
        renewal(
            "renewal already deployed: the endpoint serves the newest",
            List.of(
                cert("old", "shop.test", 5).formerlyServedAt("shop.test:443"),
                cert("new", "shop.test", 90).servedAt("shop.test:443").in("FILE", "/tls/a.pem")),
            null,
            null),
        renewal(
            "the file holds an older certificate than the served one",
            List.of(
                cert("served", "shop.test", 90).servedAt("shop.test:443"),
                cert("stale", "shop.test", 5).in("FILE", "/tls/a.pem")),
            null,
            null),
        renewal(
            "other names are not a renewal",
            List.of(
                cert("old", "shop.test", 5).servedAt("shop.test:443"),
                cert("new", "shop.test,www.shop.test", 90).in("FILE", "/tls/a.pem")),
            null,
            null),
        renewal(
            "the file no longer holds the newer certificate",
            List.of(
                cert("old", "shop.test", 5).servedAt("shop.test:443"),
                cert("new", "shop.test", 90).formerlyIn("FILE", "/tls/a.pem")),
            null,
            null),
        renewal(
            "the endpoint no longer serves the old certificate",
            List.of(
                cert("old", "shop.test", 5).formerlyServedAt("shop.test:443"),
                cert("new", "shop.test", 90).in("FILE", "/tls/a.pem")),
            null,
            null),
        renewal(
            "a newer certificate in a CA bundle ConfigMap is not a deployment candidate",
            List.of(
                cert("old", "shop.test", 5).servedAt("shop.test:443"),
                cert("new", "shop.test", 90).in("KUBERNETES_CONFIGMAP", "ConfigMap shop/ca")),
            null,
            null),
        renewal(
            "both endpoints: two servers, one renewed, is not a stored renewal",
            List.of(
                cert("old", "shop.test", 5).servedAt("a.shop.test:443"),
                cert("new", "shop.test", 90).servedAt("b.shop.test:443")),
            null,
            null),
        renewal(
            "an expired certificate in a file is no renewal",
            List.of(
                cert("old", "shop.test", -10).servedAt("shop.test:443"),
                cert("new", "shop.test", -2).in("FILE", "/tls/a.pem")),
            null,
            null),
        renewal(
            "CA certificates are left out",
            List.of(
                cert("old", "R3", 5).authority().servedAt("shop.test:443"),
                cert("new", "R3", 90).authority().in("FILE", "/tls/ca.pem")),
            null,
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renewals")
  void renewedButNotDeployed(List<Cert> group, String flagged, String newer) {
    Map<String, Finding> findings =
        CHECKS.renewedNotDeployed(group.stream().map(Cert::build).toList());

    if (flagged == null) {
      assertThat(findings).isEmpty();
      return;
    }
    assertThat(findings).containsOnlyKeys(flagged);
    Finding f = findings.get(flagged);
    assertThat(f.code()).isEqualTo(CrossChecks.RENEWED_NOT_DEPLOYED);
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.evidence()).containsEntry("newerSha256", newer);
  }

  @Test
  void renewalEvidenceNamesBothPlacesAndDates() {
    Map<String, Finding> findings =
        CHECKS.renewedNotDeployed(
            List.of(
                cert("old", "shop.test", 5).servedAt("shop.test:443").build(),
                cert("new", "shop.test", 90).in("FILE", "/etc/tls/shop.pem").build()));

    assertThat(findings.get("old").evidence())
        .containsEntry("servedAt", "shop.test:443")
        .containsEntry("newerLocation", "/etc/tls/shop.pem")
        .containsEntry("servedNotAfter", NOW.plus(Duration.ofDays(5)).toString())
        .containsEntry("newerNotAfter", NOW.plus(Duration.ofDays(90)).toString());
    assertThat(findings.get("old").message()).contains("/etc/tls/shop.pem", "shop.test:443");
  }

  static Stream<Arguments> keyUses() {
    return Stream.of(
        reuse(
            "renewal that kept its key: INFO on both",
            List.of(
                cert("old", "shop.test", 5).withKey("k1").servedAt("shop.test:443"),
                cert("new", "shop.test", 90).withKey("k1").in("FILE", "/tls/a.pem")),
            Map.of("old", Severity.INFO, "new", Severity.INFO)),
        reuse(
            "one key for two identities: WARNING",
            List.of(
                cert("shop", "shop.test", 90).withKey("k1").servedAt("shop.test:443"),
                cert("admin", "admin.test", 90).withKey("k1").servedAt("admin.test:443")),
            Map.of("shop", Severity.WARNING, "admin", Severity.WARNING)),
        reuse(
            "three certificates, one key",
            List.of(
                cert("a", "a.test", 90).withKey("k1"),
                cert("b", "b.test", 90).withKey("k1"),
                cert("c", "c.test", 90).withKey("k1")),
            Map.of("a", Severity.WARNING, "b", Severity.WARNING, "c", Severity.WARNING)),
        reuse(
            "distinct keys",
            List.of(cert("a", "a.test", 90).withKey("k1"), cert("b", "a.test", 90).withKey("k2")),
            Map.of()),
        reuse(
            "one certificate in many places is not reuse",
            List.of(
                cert("a", "a.test", 90)
                    .withKey("k1")
                    .servedAt("a.test:443")
                    .servedAt("b.test:443")
                    .in("FILE", "/tls/a.pem")),
            Map.of()),
        reuse(
            "CA certificates keep their keys legitimately",
            List.of(
                cert("r3", "R3", 900).withKey("k1").authority(),
                cert("r3-cross", "R3", 300).withKey("k1").authority()),
            Map.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keyUses")
  void keyReusedAcrossCertificates(List<Cert> group, Map<String, Severity> expected) {
    Map<String, Finding> findings = CHECKS.keyReuse(group.stream().map(Cert::build).toList());

    assertThat(findings).containsOnlyKeys(expected.keySet());
    expected.forEach(
        (sha, severity) -> {
          assertThat(findings.get(sha).code()).isEqualTo(CrossChecks.KEY_REUSED);
          assertThat(findings.get(sha).severity()).isEqualTo(severity);
          assertThat(findings.get(sha).evidence().get("otherCertificates")).doesNotContain(sha);
          assertThat(findings.get(sha).evidence())
              .containsEntry("otherCount", Integer.toString(expected.size() - 1));
        });
  }

  private static Arguments renewal(String name, List<Cert> group, String flagged, String newer) {
    return Arguments.of(Named.of(name, group), flagged, newer);
  }

  private static Arguments reuse(String name, List<Cert> group, Map<String, Severity> expected) {
    return Arguments.of(Named.of(name, group), expected);
  }
}
