package dev.vigil.scanner.source.kubernetes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.infra.VigilTestInfrastructure;
import dev.vigil.infra.tls.KeyMaterial;
import dev.vigil.infra.tls.TestPki;
import dev.vigil.scanner.domain.source.SourceIds;
import dev.vigil.scanner.source.CertificateFiles;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TLS Secrets and CA-bundle ConfigMaps in a (fabric8 mock, CRUD mode) Kubernetes API server ->
 * informer -> scans on Kafka and the inventory.
 */
@QuarkusTest
@TestProfile(KubernetesSourceTest.KubernetesEnabled.class)
@WithKubernetesTestServer
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "scanner"))
class KubernetesSourceTest {

  static final String SELECTOR_LABEL = "vigil.dev/scan";

  /** The watcher is on, for objects labelled vigil.dev/scan=yes. */
  public static class KubernetesEnabled implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "vigil.scanner.kubernetes.enabled",
          "true",
          "vigil.scanner.kubernetes.label-selector",
          SELECTOR_LABEL + "=yes");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Map<String, String> SELECTED = Map.of(SELECTOR_LABEL, "yes", "team", "k8s");

  @KubernetesTestServer KubernetesServer server;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.outgoing.certificate-scans.topic")
  String scansTopic;

  private KafkaCompanion kafka;
  private ConsumerTask<String, String> scans;
  private KubernetesClient client;
  private String namespace;
  private TestPki pki;

  @BeforeEach
  void setUp() {
    kafka = new KafkaCompanion(bootstrap);
    scans = kafka.consumeStrings().fromTopics(scansTopic);
    client = server.getClient();
    namespace = "ns-" + UUID.randomUUID().toString().substring(0, 8);
    pki = TestPki.create("Kubernetes CA " + UUID.randomUUID());
  }

  @AfterEach
  void tearDown() {
    scans.close();
    kafka.close();
  }

  private Secret tlsSecret(String name, String type, Map<String, String> labels, KeyMaterial m) {
    return new SecretBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .withLabels(labels)
        .endMetadata()
        .withType(type)
        .withData(
            Map.of(
                "tls.crt", Base64.getEncoder().encodeToString(CertificateFiles.pem(m.chain())),
                "tls.key", Base64.getEncoder().encodeToString("not read".getBytes())))
        .build();
  }

  private List<JsonNode> scansOf(String targetId) {
    return scans.getRecords().stream()
        .filter(r -> targetId.equals(r.key()))
        .map(ConsumerRecord::value)
        .map(KubernetesSourceTest::parse)
        .toList();
  }

  private JsonNode awaitScan(String targetId, String leafSha) {
    return await()
        .atMost(WAIT)
        .until(
            () ->
                scansOf(targetId).stream()
                    .filter(s -> leafSha.equals(s.at("/chain/0/sha256Fingerprint").asText()))
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void tlsSecretIsScannedAndRescannedWhenItsCertificateIsReplaced() {
    KeyMaterial first = pki.issueExpiringIn("web-" + UUID.randomUUID() + ".test", 20);
    KeyMaterial renewed = pki.issueExpiringIn("web-" + UUID.randomUUID() + ".test", 80);
    String targetId = SourceIds.kubernetes("Secret", namespace, "web-tls", 0);

    client.secrets().resource(tlsSecret("web-tls", "kubernetes.io/tls", SELECTED, first)).create();

    JsonNode scan = awaitScan(targetId, CertificateFiles.sha256(first.leaf()));
    assertThat(scan.at("/target/kind").asText()).isEqualTo("KUBERNETES_SECRET");
    assertThat(scan.at("/target/namespace").asText()).isEqualTo(namespace);
    assertThat(scan.at("/target/name").asText()).isEqualTo("web-tls");
    assertThat(scan.at("/labels/team").asText()).isEqualTo("k8s");
    assertThat(scan.get("chain")).hasSize(2);
    assertThat(scan.get("daysLeft").asLong()).isEqualTo(20);
    assertThat(scan.get("findings").findValuesAsText("code")).containsExactly("EXPIRING_SOON");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                given()
                    .get("/api/v1/certificates/" + CertificateFiles.sha256(first.leaf()))
                    .then()
                    .statusCode(200)
                    .body("locations[0].kind", equalTo("KUBERNETES_SECRET"))
                    .body("locations[0].namespace", equalTo(namespace))
                    .body("locations[0].name", equalTo("web-tls")));

    client
        .secrets()
        .resource(tlsSecret("web-tls", "kubernetes.io/tls", SELECTED, renewed))
        .update();

    JsonNode rescanned = awaitScan(targetId, CertificateFiles.sha256(renewed.leaf()));
    assertThat(rescanned.get("daysLeft").asLong()).isEqualTo(80);
    assertThat(rescanned.get("findings")).isEmpty();
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                given()
                    .get("/api/v1/certificates/" + CertificateFiles.sha256(first.leaf()))
                    .then()
                    .statusCode(200)
                    .body("certificate.inUse", equalTo(false)));
  }

  @Test
  void caBundleConfigMapIsOneScanPerRoot() {
    TestPki other = TestPki.create("Other Kubernetes CA " + UUID.randomUUID());
    String bundle =
        new String(
            CertificateFiles.pem(List.of(pki.caCertificate(), other.caCertificate())),
            StandardCharsets.US_ASCII);

    client
        .configMaps()
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withNamespace(namespace)
                .withName("trust-bundle")
                .withLabels(SELECTED)
                .endMetadata()
                .withData(Map.of("ca.crt", bundle))
                .build())
        .create();

    JsonNode first =
        awaitScan(
            SourceIds.kubernetes("ConfigMap", namespace, "trust-bundle", 0),
            CertificateFiles.sha256(pki.caCertificate()));
    JsonNode second =
        awaitScan(
            SourceIds.kubernetes("ConfigMap", namespace, "trust-bundle", 1),
            CertificateFiles.sha256(other.caCertificate()));
    for (JsonNode scan : List.of(first, second)) {
      assertThat(scan.at("/target/kind").asText()).isEqualTo("KUBERNETES_CONFIGMAP");
      assertThat(scan.at("/target/name").asText()).isEqualTo("trust-bundle");
      assertThat(scan.get("chain")).hasSize(1);
      assertThat(scan.at("/chain/0/certificateAuthority").asBoolean()).isTrue();
    }
  }

  @Test
  void onlyLabelledTlsSecretsAreRead() {
    KeyMaterial m = pki.issueExpiringIn("only-" + UUID.randomUUID() + ".test", 60);
    // Created first, so their events (if any) would come before the selected one's. The mock
    // server ignores the type= field selector (a real API server applies it), so the opaque
    // Secret also proves the watcher's own type check.
    client.secrets().resource(tlsSecret("unlabelled", "kubernetes.io/tls", Map.of(), m)).create();
    client.secrets().resource(tlsSecret("opaque", "Opaque", SELECTED, m)).create();
    client.secrets().resource(tlsSecret("selected", "kubernetes.io/tls", SELECTED, m)).create();

    awaitScan(
        SourceIds.kubernetes("Secret", namespace, "selected", 0),
        CertificateFiles.sha256(m.leaf()));

    assertThat(scansOf(SourceIds.kubernetes("Secret", namespace, "unlabelled", 0))).isEmpty();
    assertThat(scansOf(SourceIds.kubernetes("Secret", namespace, "opaque", 0))).isEmpty();
  }

  @Test
  void deletedSecretNoLongerHoldsItsCertificate() {
    KeyMaterial m = pki.issueExpiringIn("gone-" + UUID.randomUUID() + ".test", 60);
    Secret secret = tlsSecret("gone-tls", "kubernetes.io/tls", SELECTED, m);
    client.secrets().resource(secret).create();
    String sha = CertificateFiles.sha256(m.leaf());
    awaitScan(SourceIds.kubernetes("Secret", namespace, "gone-tls", 0), sha);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                given()
                    .get("/api/v1/certificates/" + sha)
                    .then()
                    .statusCode(200)
                    .body("certificate.inUse", equalTo(true)));

    client.secrets().resource(secret).delete();

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                given()
                    .get("/api/v1/certificates/" + sha)
                    .then()
                    .statusCode(200)
                    .body("certificate.inUse", equalTo(false))
                    .body("locations[0].current", equalTo(false)));
  }
}
