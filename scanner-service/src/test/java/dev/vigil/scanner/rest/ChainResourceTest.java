package dev.vigil.scanner.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.vigil.infra.VigilTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Chains, providers and APIs over REST: CRUD, masking of secrets, problem+json on bad input. */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "scanner"))
class ChainResourceTest {

  /** An unused loopback port: nothing answers, so these chains' probes fail quietly. */
  private static final String RPC = "http://127.0.0.1:9/v3/sk-secret-key-123";

  static RequestSpecification operator() {
    return given().auth().preemptive().basic("operator", "test-operator-password");
  }

  static String newChain() {
    String id = "chain-" + UUID.randomUUID().toString().substring(0, 8);
    operator()
        .contentType(ContentType.JSON)
        .body(
            """
            {"id":"%s","name":"Test chain","family":"EVM","expectedChainId":"8453",
             "blockTimeMillis":2000,"labels":{"env":"test"},"thresholds":{"maxHeadAgeSeconds":20}}
            """
                .formatted(id))
        .post("/api/v1/chains")
        .then()
        .statusCode(201);
    return id;
  }

  private static int count(String path) {
    return given().get(path).then().statusCode(200).extract().jsonPath().getList("$").size();
  }

  @Test
  void chainIsCreatedListedWithEffectiveThresholdsReplacedAndDeleted() {
    String id = newChain();
    given()
        .get("/api/v1/chains/" + id)
        .then()
        .statusCode(200)
        .body("labels.env", equalTo("test"))
        .body("thresholds.maxHeadAgeSeconds", equalTo(20))
        .body("effectiveThresholds.maxHeadAgeSeconds", equalTo(20))
        .body("effectiveThresholds.maxLagBehindBestBlocks", equalTo(3))
        .body("registeredBy", equalTo("operator"));
    given().get("/api/v1/chains").then().body("id", hasItem(id));

    operator()
        .contentType(ContentType.JSON)
        .body(
            "{\"name\":\"Renamed\",\"family\":\"OP_STACK\",\"expectedChainId\":\"10\","
                + "\"blockTimeMillis\":12000}")
        .put("/api/v1/chains/" + id)
        .then()
        .statusCode(200)
        .body("name", equalTo("Renamed"))
        .body("effectiveThresholds.maxHeadAgeSeconds", equalTo(36));

    operator().delete("/api/v1/chains/" + id).then().statusCode(204);
    given()
        .get("/api/v1/chains/" + id)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void providerUrlIsMaskedHeaderValuesAreNeverShownAndAReplaceKeepsThem() {
    String chain = newChain();
    String provider =
        operator()
            .contentType(ContentType.JSON)
            .body(
                """
                {"id":"%s-p1","name":"Primary","family":"EVM","url":"%s",
                 "headers":{"Authorization":"Bearer top-secret"},"intervalSeconds":30,
                 "timeoutMillis":2000,"thresholds":{"maxLagBehindBestBlocks":10},
                 "labels":{"vendor":"acme"}}
                """
                    .formatted(chain, RPC))
            .post("/api/v1/chains/" + chain + "/providers")
            .then()
            .statusCode(201)
            .body("url", equalTo("http://127.0.0.1:9/***"))
            .body("headerNames", contains("Authorization"))
            .body("effectiveThresholds.maxLagBehindBestBlocks", equalTo(10))
            .body("effectiveThresholds.maxHeadAgeSeconds", equalTo(20))
            .extract()
            .path("id");
    String listed = given().get("/api/v1/chains/" + chain + "/providers").asString();
    assertThat(listed).doesNotContain("sk-secret-key-123").doesNotContain("top-secret");

    operator()
        .contentType(ContentType.JSON)
        .body("{\"name\":\"Primary (renamed)\",\"family\":\"EVM\"}")
        .put("/api/v1/chains/" + chain + "/providers/" + provider)
        .then()
        .statusCode(200)
        .body("name", equalTo("Primary (renamed)"))
        .body("url", equalTo("http://127.0.0.1:9/***"))
        .body("headerNames", contains("Authorization"))
        .body("intervalSeconds", nullValue());
    given().get("/api/v1/chains/" + chain).then().body("providerCount", equalTo(1));

    operator().delete("/api/v1/chains/" + chain + "/providers/" + provider).then().statusCode(204);
    given()
        .get("/api/v1/chains/" + chain + "/providers/" + provider)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          upper-case id        | {"id":"Base","name":"B","family":"EVM","expectedChainId":"1","blockTimeMillis":1000} | id
          unknown family       | {"id":"b1","name":"B","family":"TRON","expectedChainId":"1","blockTimeMillis":1000} | family
          HTTP family          | {"id":"b1","name":"B","family":"HTTP","expectedChainId":"1","blockTimeMillis":1000} | family
          missing block time   | {"id":"b1","name":"B","family":"EVM","expectedChainId":"1"}                         | blockTimeMillis
          block time is text   | {"id":"b1","name":"B","family":"EVM","expectedChainId":"1","blockTimeMillis":"2s"}  | blockTimeMillis
          unknown field        | {"id":"b1","name":"B","family":"EVM","expectedChainId":"1","blockTimeMillis":1000,"colour":"red"} | colour
          negative threshold   | {"id":"b1","name":"B","family":"EVM","expectedChainId":"1","blockTimeMillis":1000,"thresholds":{"maxLatencyMillis":0}} | thresholds.maxLatencyMillis
          bad label            | {"id":"b1","name":"B","family":"EVM","expectedChainId":"1","blockTimeMillis":1000,"labels":{"a-b":"x"}} | labels.a-b
          """)
  void invalidChainIsAProblemNamingTheFieldAndNothingIsStored(
      String name, String body, String field) {
    int before = count("/api/v1/chains");
    operator()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/chains")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem(field));
    assertThat(count("/api/v1/chains")).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ftp url               | {"name":"P","family":"EVM","url":"ftp://rpc.example.com/"}                        | url
          metadata address      | {"name":"P","family":"EVM","url":"http://169.254.169.254/latest"}                | url
          missing url           | {"name":"P","family":"EVM"}                                                      | url
          interval zero         | {"name":"P","family":"EVM","url":"https://rpc.example.com","intervalSeconds":0}  | intervalSeconds
          timeout over interval | {"name":"P","family":"EVM","url":"https://rpc.example.com","intervalSeconds":2,"timeoutMillis":5000} | timeoutMillis
          header line break     | {"name":"P","family":"EVM","url":"https://rpc.example.com","headers":{"X-Key":"a\\r\\nB: c"}} | headers.X-Key
          """)
  void invalidProviderIsAProblemNamingTheFieldNeverEchoingTheUrl(
      String name, String body, String field) {
    String chain = newChain();
    String problem =
        operator()
            .contentType(ContentType.JSON)
            .body(body)
            .post("/api/v1/chains/" + chain + "/providers")
            .then()
            .statusCode(400)
            .contentType("application/problem+json")
            .body("errors.field", hasItem(field))
            .extract()
            .asString();
    assertThat(problem).doesNotContain("169.254.169.254/latest").doesNotContain("B: c");
    assertThat(count("/api/v1/chains/" + chain + "/providers")).isZero();
  }

  @Test
  void duplicateIdsAreConflictsAndUnknownChainsAreNotFound() {
    String chain = newChain();
    operator()
        .contentType(ContentType.JSON)
        .body(
            "{\"id\":\"%s\",\"name\":\"B\",\"family\":\"EVM\",\"expectedChainId\":\"1\",\"blockTimeMillis\":1000}"
                .formatted(chain))
        .post("/api/v1/chains")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    operator()
        .contentType(ContentType.JSON)
        .body("{\"name\":\"P\",\"family\":\"EVM\",\"url\":\"https://rpc.example.com\"}")
        .post("/api/v1/chains/no-such-chain/providers")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given().get("/api/v1/chains/no-such-chain/providers/ranked").then().statusCode(404);
    given().get("/api/v1/chains/no-such-chain/health").then().statusCode(404);
  }

  @Test
  void changingChainsNeedsTheOperatorRole() {
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"id\":\"x1\",\"name\":\"B\",\"family\":\"EVM\",\"expectedChainId\":\"1\",\"blockTimeMillis\":1000}")
        .post("/api/v1/chains")
        .then()
        .statusCode(401);
    given().delete("/api/v1/apis/whatever").then().statusCode(401);
  }

  @Test
  void apiIsCreatedWithItsChainMaskedAndDeleted() {
    String chain = newChain();
    String id =
        operator()
            .contentType(ContentType.JSON)
            .body(
                """
                {"name":"Exchange info","chainId":"%s","url":"http://127.0.0.1:9/info?key=k-123",
                 "method":"post","body":"{\\"type\\":\\"meta\\"}","expectedStatus":200,
                 "jsonPath":"$.universe","headers":{"X-Api-Key":"env:EXCHANGE_KEY"},"intervalSeconds":60}
                """
                    .formatted(chain))
            .post("/api/v1/apis")
            .then()
            .statusCode(201)
            .body("method", equalTo("POST"))
            .body("url", equalTo("http://127.0.0.1:9/***"))
            .body("headerNames", contains("X-Api-Key"))
            .body("chainId", equalTo(chain))
            .extract()
            .path("id");
    assertThat(given().get("/api/v1/apis").asString())
        .doesNotContain("k-123")
        .doesNotContain("EXCHANGE_KEY");
    given()
        .get("/api/v1/apis/" + id)
        .then()
        .statusCode(200)
        .body("jsonPath", equalTo("$.universe"));

    operator()
        .contentType(ContentType.JSON)
        .body("{\"name\":\"X\",\"url\":\"https://api.example.com\",\"chainId\":\"no-such-chain\"}")
        .post("/api/v1/apis")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("chainId"));
    operator()
        .contentType(ContentType.JSON)
        .body(
            "{\"name\":\"X\",\"url\":\"https://api.example.com\",\"method\":\"GET\",\"body\":\"x\"}")
        .post("/api/v1/apis")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("body"));

    operator().delete("/api/v1/apis/" + id).then().statusCode(204);
    given().get("/api/v1/apis").then().body("id", not(hasItem(id)));
    operator().delete("/api/v1/apis/" + id).then().statusCode(404);
  }
}
