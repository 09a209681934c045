package dev.vigil.incident;

import static dev.vigil.incident.KafkaTestClient.ceHeaders;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.events.AlertFired;
import dev.vigil.events.EventType;
import dev.vigil.events.Severity;
import dev.vigil.incident.messaging.Channels;
import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * The operator console end to end in a real headless Chromium: incidents opened by real alert
 * events on Kafka, stored in PostgreSQL, acted on through the console's forms. Screenshots of every
 * step land in {@code target/console-screenshots}.
 */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "incident"))
class ConsoleBrowserTest {

  private static final DateTimeFormatter LOCAL_INPUT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC);

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @ConfigProperty(name = "mp.messaging.incoming." + Channels.ALERTS + ".topic")
  String alertsTopic;

  @Inject ObjectMapper mapper;

  @TestHTTPResource("/")
  URL root;

  @Test
  void responderWorksAnIncidentFromAlertToForcedResolution() {
    String target = "t-" + UUID.randomUUID();
    String component = component(target, "Trading API " + target.substring(2, 8));
    String title = "Trading API down " + target.substring(2, 10);
    fire(target, title);

    try (Browser browser = new Browser(root.toString(), "responder")) {
      browser.open("/console/incidents");
      browser.waitFor(By.id("j_username"));
      assertThat(browser.path()).startsWith("/console/login");
      browser.screenshot("login-page");
      browser.type(By.id("j_username"), "responder");
      browser.type(By.id("j_password"), "responder-secret");
      browser.click(By.id("sign-in"));
      assertThat(browser.text(By.id("signed-in-as"))).contains("responder");

      // The incident comes from the alert through Kafka; reload until the consumer has stored it.
      await()
          .atMost(KafkaTestClient.WAIT)
          .until(
              () -> {
                browser.open("/console/incidents");
                return browser.driver.getPageSource().contains(title);
              });
      browser.screenshot("incident-list");

      browser.select(By.id("filter-severity"), "critical");
      browser.select(By.id("filter-component"), component);
      browser.click(By.id("apply-filters"));
      assertThat(browser.path()).contains("severity=critical").contains("component=" + component);
      assertThat(browser.all(By.cssSelector("tr.incident-row"))).hasSize(1);
      assertThat(browser.text(By.id("incident-list"))).contains(title);
      browser.screenshot("filtered-by-severity-and-component");

      browser.select(By.id("filter-severity"), "info");
      browser.click(By.id("apply-filters"));
      assertThat(browser.text(By.id("no-incidents"))).contains("No incidents match");

      browser.select(By.id("filter-severity"), "critical");
      browser.click(By.id("apply-filters"));
      browser.click(By.linkText(title));
      assertThat(browser.text(By.id("incident-title"))).isEqualTo(title);
      assertThat(browser.text(By.id("incident-status"))).isEqualTo("triggered");
      assertThat(browser.text(By.id("alerts"))).contains("firing");
      browser.screenshot("incident-detail");

      browser.click(By.id("acknowledge"));
      assertThat(browser.text(By.id("notice"))).isEqualTo("Incident acknowledged.");
      assertThat(browser.text(By.id("incident-status"))).isEqualTo("acknowledged");
      assertThat(browser.text(By.id("acknowledged"))).contains("by responder");
      browser.screenshot("acknowledged");

      browser.click(By.id("add-note"));
      assertThat(browser.text(By.id("note-error"))).isEqualTo("The note must not be blank");
      assertThat(browser.driver.findElement(By.id("note-text")).getAttribute("aria-invalid"))
          .isEqualTo("true");
      browser.screenshot("note-refused-when-blank");

      browser.type(By.id("note-text"), "Failover to the standby venue started");
      browser.click(By.id("add-note"));
      assertThat(browser.text(By.id("notice"))).isEqualTo("Note added to the timeline.");
      assertThat(browser.text(By.id("timeline")))
          .contains("Failover to the standby venue started")
          .contains("responder");
      browser.screenshot("note-added");

      browser.select(By.id("update-status"), "identified");
      browser.type(By.id("update-body"), "Orders are delayed; a fix is being deployed.");
      browser.click(By.id("post-update"));
      assertThat(browser.text(By.id("notice"))).isEqualTo("Public update published.");
      assertThat(browser.text(By.id("public-updates")))
          .contains("identified")
          .contains("Orders are delayed; a fix is being deployed.");
      browser.screenshot("public-update-posted");

      // A draft waits for approval (what a page with vigil.status-page.require-approval needs).
      browser.select(By.id("update-status"), "monitoring");
      browser.type(By.id("update-body"), "The fix is live; we are watching order latency.");
      browser.driver.findElement(By.id("update-publish")).click();
      browser.click(By.id("post-update"));
      assertThat(browser.text(By.id("notice"))).isEqualTo("Public update saved.");
      assertThat(browser.text(By.id("public-updates"))).contains("draft");
      browser.screenshot("public-update-draft");
      browser.click(By.cssSelector("button.approve-update"));
      assertThat(browser.text(By.id("notice"))).isEqualTo("Public update published.");
      assertThat(browser.text(By.id("public-updates"))).doesNotContain("draft");

      browser.type(By.id("resolve-comment"), "Fixed by the failover");
      browser.click(By.id("resolve"));
      assertThat(browser.text(By.id("resolve-error")))
          .contains("still firing")
          .contains("Resolve although alerts still fire");
      assertThat(browser.driver.findElement(By.id("resolve-comment")).getAttribute("value"))
          .isEqualTo("Fixed by the failover");
      assertThat(browser.text(By.id("incident-status"))).isEqualTo("acknowledged");
      browser.screenshot("resolve-refused-while-firing");

      browser.driver.findElement(By.id("resolve-force")).click();
      browser.click(By.id("resolve"));
      assertThat(browser.text(By.id("notice"))).isEqualTo("Incident resolved.");
      assertThat(browser.text(By.id("incident-status"))).isEqualTo("resolved");
      assertThat(browser.text(By.id("resolved"))).contains("by responder");
      assertThat(browser.text(By.id("timeline"))).containsIgnoringCase("forced");
      browser.screenshot("resolved-with-force");

      browser.click(By.id("sign-out"));
      assertThat(browser.text(By.id("signed-out"))).contains("signed out");
      browser.open("/console/incidents");
      browser.waitFor(By.id("j_username"));
      assertThat(browser.path()).startsWith("/console/login");
    }
  }

  @Test
  void viewerSeesIncidentsButCannotAct() {
    String target = "t-" + UUID.randomUUID();
    String title = "Viewer check " + target.substring(2, 10);
    fire(target, title);
    String id = Incidents.awaitIncidentOf("grp-" + target);

    try (Browser browser = new Browser(root.toString(), "viewer")) {
      browser.open("/console/login");
      browser.type(By.id("j_username"), "viewer");
      browser.type(By.id("j_password"), "wrong-password");
      browser.click(By.id("sign-in"));
      assertThat(browser.text(By.id("login-error"))).contains("not right");
      browser.screenshot("wrong-password");

      browser.signIn("viewer", "viewer-secret");
      browser.open("/console/incident?id=" + id);
      assertThat(browser.text(By.id("incident-title"))).isEqualTo(title);
      assertThat(browser.text(By.id("read-only"))).contains("needs the responder or admin role");
      assertThat(browser.all(By.id("acknowledge"))).isEmpty();
      assertThat(browser.all(By.id("resolve"))).isEmpty();
      browser.screenshot("incident-read-only");

      // Phone-sized: the page reflows instead of scrolling sideways.
      browser.driver.manage().window().setSize(new Dimension(390, 844));
      browser.open("/console/incident?id=" + id);
      browser.waitFor(By.id("incident-title"));
      Object overflow =
          browser.driver.executeScript(
              "return document.documentElement.scrollWidth - window.innerWidth;");
      assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
      browser.screenshot("incident-on-a-phone");
      browser.driver.manage().window().setSize(new Dimension(1280, 1800));

      browser.open("/console/components/edit");
      assertThat(browser.text(By.id("error-heading"))).isEqualTo("Not allowed");
      assertThat(browser.text(By.id("error-message")))
          .contains("signed in as viewer")
          .contains("needs the responder or admin role");
      browser.screenshot("forbidden-page");
    }
    assertThat(Incidents.detail(id).getString("status")).isEqualTo("TRIGGERED");
  }

  @Test
  void adminEditsAComponentAndSchedulesMaintenanceShownOnTheStatusPage() {
    String id = "web-" + UUID.randomUUID().toString().substring(0, 8);
    String window = "Database upgrade " + id;
    Instant start = Instant.now().plus(1, ChronoUnit.HOURS);

    try (Browser browser = new Browser(root.toString(), "admin")) {
      browser.signIn("admin", "admin-secret");
      browser.open("/console/components");
      browser.click(By.id("new-component"));
      browser.type(By.id("component-id"), id);
      browser.type(By.id("component-match"), "site=" + id);
      browser.click(By.id("save-component"));
      assertThat(browser.text(By.id("name-error"))).contains("must be 1 to 200 characters");
      assertThat(browser.driver.findElement(By.id("component-match")).getAttribute("value"))
          .isEqualTo("site=" + id);
      browser.screenshot("component-refused-without-name");

      browser.type(By.id("component-name"), "Website");
      browser.select(By.id("impact-WARNING"), "degraded_performance");
      browser.click(By.id("save-component"));
      assertThat(browser.text(By.id("notice"))).isEqualTo("Component saved.");
      browser.click(By.cssSelector("a[href='/console/components/edit?id=" + id + "']"));
      browser.type(By.id("component-name"), "Public website");
      browser.click(By.id("save-component"));
      assertThat(browser.text(By.id("component-list"))).contains("Public website");
      browser.screenshot("component-edited");
      assertThat(
              given()
                  .get("/api/v1/components/{id}", id)
                  .then()
                  .statusCode(200)
                  .extract()
                  .path("impact.WARNING")
                  .toString())
          .isEqualTo("degraded_performance");

      browser.open("/console/maintenances");
      browser.click(By.id("new-maintenance"));
      browser.type(By.id("maintenance-title"), window);
      browser.driver.findElement(By.id("component-" + id)).click();
      browser.setValue(By.id("maintenance-starts"), LOCAL_INPUT.format(start));
      browser.setValue(By.id("maintenance-ends"), LOCAL_INPUT.format(start));
      browser.click(By.id("save-maintenance"));
      assertThat(browser.text(By.id("ends-error"))).contains("must be after startsAt");
      browser.screenshot("maintenance-refused-ending-at-start");

      browser.setValue(
          By.id("maintenance-ends"), LOCAL_INPUT.format(start.plus(2, ChronoUnit.HOURS)));
      browser.click(By.id("save-maintenance"));
      assertThat(browser.text(By.id("notice"))).isEqualTo("Maintenance window saved.");
      assertThat(browser.text(By.id("maintenance-list"))).contains(window).contains(id);
      browser.screenshot("maintenance-scheduled");

      browser.open("/status");
      assertThat(browser.driver.getPageSource()).contains(window);
      browser.screenshot("public-status-page-shows-maintenance");
    }
  }

  private String component(String target, String name) {
    String id = "c-" + target.substring(2, 14);
    given()
        .auth()
        .preemptive()
        .basic("admin", "admin-secret")
        .contentType(ContentType.JSON)
        .body(Map.of("name", name, "match", Map.of("target", target)))
        .put("/api/v1/components/{id}", id)
        .then()
        .statusCode(201);
    return id;
  }

  /** A critical alert for {@code target}, group {@code grp-<target>}, as alert-service sends it. */
  private void fire(String target, String summary) {
    AlertFired fired = Incidents.fired("grp-" + target, target, Severity.CRITICAL, summary);
    try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
      kafka.send(
          alertsTopic,
          target,
          ceHeaders(UUID.randomUUID().toString(), EventType.ALERT_FIRED.type()),
          Incidents.json(mapper, fired));
    }
  }
}
