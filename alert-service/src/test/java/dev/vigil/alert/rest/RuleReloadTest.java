package dev.vigil.alert.rest;

import static dev.vigil.alert.TestUsers.asOperator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.vigil.alert.TestScans;
import dev.vigil.alert.service.AlertService;
import dev.vigil.alert.service.AlertTransitioned;
import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rule files in the watched directory change behaviour without a restart; broken ones do not. */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "alert"))
class RuleReloadTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @ConfigProperty(name = "vigil.alert.rules.dir")
  String dir;

  @Inject AlertService service;

  private Path file() {
    return Path.of(dir).resolve("team-overrides.yaml");
  }

  @AfterEach
  void removeTheFile() throws Exception {
    Files.deleteIfExists(file());
    await()
        .atMost(WAIT)
        .until(() -> expr("CertificateExpiring").equals("daysLeft >= 0 && daysLeft < 28"));
  }

  @Test
  void changedFileChangesBehaviourAndABrokenOneKeepsTheLastGoodRules() throws Exception {
    String target = "t-" + UUID.randomUUID();
    assertThat(apply(target, 60)).isEmpty();

    write(
        """
        rules:
          - name: CertificateExpiring
            source: dev.vigil.certificate.scanned.v1
            expr: daysLeft >= 0 && daysLeft < 90
            severity: warning
            annotations:
              summary: "{{ location }} {{ expiry }} (team threshold)"
        """);
    await().atMost(WAIT).until(() -> expr("CertificateExpiring").contains("< 90"));

    List<AlertTransitioned> fired = apply(target, 60);
    assertThat(fired)
        .extracting(AlertTransitioned::transition)
        .containsExactly(dev.vigil.alert.domain.AlertTransition.FIRE);

    write(
        """
        rules:
          - name: CertificateExpiring
            source: dev.vigil.certificate.scanned.v1
            expr: dayLeft < 10
        """);
    await()
        .atMost(WAIT)
        .until(
            () ->
                asOperator()
                    .get("/api/v1/rules/files")
                    .then()
                    .extract()
                    .jsonPath()
                    .getList("findAll { it.origin == 'team-overrides.yaml' }.valid")
                    .equals(List.of(false)));
    JsonPath files =
        asOperator().get("/api/v1/rules/files").then().statusCode(200).extract().jsonPath();
    List<String> problems =
        files.getList("find { it.origin == 'team-overrides.yaml' }.problems", String.class);
    assertThat(problems)
        .singleElement()
        .asString()
        .startsWith(
            "team-overrides.yaml:4: rules[0].expr (rule CertificateExpiring): CEL, column 1:")
        .contains("undeclared reference to 'dayLeft'");
    asOperator()
        .get("/api/v1/rules/CertificateExpiring")
        .then()
        .statusCode(200)
        .body("expr", equalTo("daysLeft >= 0 && daysLeft < 90"))
        .body("origin", equalTo("team-overrides.yaml"));
  }

  private void write(String yaml) throws Exception {
    Files.createDirectories(Path.of(dir));
    Path tmp = Path.of(dir).resolve(".writing");
    Files.writeString(tmp, yaml);
    Files.move(
        tmp,
        file(),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private List<AlertTransitioned> apply(String target, long daysLeft) {
    return service.apply(
        UUID.randomUUID().toString(),
        TestScans.completed(target, "r.example.com", daysLeft, Map.of("team", "reload")));
  }

  private static String expr(String rule) {
    return asOperator().get("/api/v1/rules/" + rule).then().statusCode(200).extract().path("expr");
  }
}
