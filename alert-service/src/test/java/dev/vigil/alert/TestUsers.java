package dev.vigil.alert;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** Requests as the users of the test profile (see application.properties, %test). */
public final class TestUsers {

  private TestUsers() {}

  /** The operator: manages rules and silences. */
  public static RequestSpecification asOperator() {
    return given().auth().preemptive().basic("operator", "test-operator-password");
  }

  /** Another operator of the test profile ({@code alice}, {@code bob}): password = name + "-pw". */
  public static RequestSpecification asOperator(String name) {
    return given().auth().preemptive().basic(name, name + "-pw");
  }

  /** A Prometheus-like client that may only push alerts. */
  public static RequestSpecification asAlertSender() {
    return given().auth().preemptive().basic("prometheus", "test-sender-password");
  }

  /** A user with no role that alert-service knows. */
  public static RequestSpecification asViewer() {
    return given().auth().preemptive().basic("viewer", "test-viewer-password");
  }
}
