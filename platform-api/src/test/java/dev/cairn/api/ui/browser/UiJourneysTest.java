package dev.cairn.api.ui.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cairn.api.e2e.WorkerProcess;
import dev.cairn.cli.stack.DevStackResource;
import dev.cairn.cli.stack.KeycloakResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * A newcomer's lifecycle in a real browser (headless Chromium) against the running platform, a real Keycloak (login
 * through the authorization code flow with PKCE) and a real pipeline worker: log in, upload the churn data set,
 * submit a pipeline (first with a mistake), watch it finish live, compare two runs, promote the model, and see it all
 * in the audit log as an SRE. The journeys build on each other, so they run in order and share one browser. Each
 * saves a screenshot under target/screenshots/.
 *
 * <p>About 2 minutes on two cores, most of it Keycloak's start (shared with the other real-token tests) and two
 * training runs.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KeycloakResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UiJourneysTest {
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(180);
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
    private static final String DATASET = "churn-ui-" + SUFFIX;
    private static final String PIPELINE = "churn-ui-" + SUFFIX;
    private static final String MODEL = "churn-ui-" + SUFFIX;
    private static WorkerProcess worker;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Browser.installed(), "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        worker = WorkerProcess.start("worker-ui");
    }

    /** Opened on first use: the platform's port is known once the first test method runs, not in @BeforeAll. */
    @BeforeEach
    void openBrowser() throws Exception {
        if (browser == null) {
            browser = Browser.open("http://127.0.0.1:" + RestAssured.port);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (worker != null) {
            worker.close();
        }
    }

    @Test
    @Order(1)
    void aDataScientistLogsInThroughKeycloak() throws Exception {
        // Given
        browser.go("/ui/datasets");
        browser.await("#username", 20);
        browser.screenshot("01-keycloak-login");
        // When
        browser.logIn("ana", KeycloakResource.password("ana"));
        // Then
        assertThat(browser.path()).isEqualTo("/ui/datasets");
        assertThat(browser.find("#upload-form").isDisplayed()).isTrue();
        assertThat(browser.driver().findElements(By.cssSelector("a[href='/ui/audit']"))).isEmpty();
    }

    @Test
    @Order(2)
    void sheUploadsADataSetAndSeesItsSchemaQualityAndPreview() throws Exception {
        // Given
        browser.go("/ui/datasets");
        browser.find("#upload-name").sendKeys(DATASET);
        browser.find("#upload-file").sendKeys(churnCsv().toString());
        // When
        browser.find("#upload-button").click();
        // Then
        browser.awaitText("h1", DATASET, 30);
        assertThat(browser.path()).isEqualTo("/ui/datasets/" + DATASET + "/versions/1");
        assertThat(browser.driver().findElements(By.cssSelector("#schema tbody tr"))).hasSize(20);
        assertThat(browser.find("#quality .tile b").getText()).isEqualTo("7043");
        assertThat(browser.driver().findElements(By.cssSelector("#preview tbody tr"))).hasSize(20);
        browser.screenshot("02-dataset");
    }

    @Test
    @Order(3)
    void sheSubmitsAPipelineSeesHerMistakeInPlaceAndWatchesTheRunFinishLive() throws Exception {
        // Given
        browser.find("#train-on-this").click();
        browser.await("#spec-form", 10);
        replace("input[name=name]", PIPELINE);
        replace("input[name=model]", MODEL);
        replace("#spec-target", "churned"); // a column the data set does not have
        new Select(browser.find("#spec-algorithm")).selectByVisibleText("cart");
        browser.find("#spec-submit").click();
        browser.await("#spec-problems-errors li[data-field=target]", 10);
        browser.screenshot("03-pipeline-validation");
        replace("#spec-target", "churn");
        // When
        browser.find("#spec-submit").click();
        browser.await("[data-live-run]", 10);
        ((JavascriptExecutor) browser.driver()).executeScript("window.cairnSamePage = true");
        // Then
        browser.awaitText("#run-banner", "SUCCEEDED", (int) RUN_TIMEOUT.toSeconds());
        var live = browser.find("[data-live-run]");
        assertThat(live.getDomAttribute("data-states")).endsWith("SUCCEEDED").doesNotStartWith("SUCCEEDED");
        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.cairnSamePage")).isEqualTo(true);
        assertThat(browser.driver().findElements(By.cssSelector("#steps .state"))).extracting(e -> e.getText())
                .containsOnly("SUCCEEDED");
        assertThat(browser.driver().findElements(By.cssSelector("#run-curves canvas"))).isNotEmpty();
        browser.awaitText("#run-model", MODEL + " v1", 10);
        browser.screenshot("04-pipeline-run-live");
    }

    @Test
    @Order(4)
    void sheComparesTwoRunsSideBySide() throws Exception {
        // Given: a second run of the same pipeline with another algorithm, submitted by CI through the API
        var second = given().auth().oauth2(KeycloakResource.ciAccessToken()).contentType("application/yaml")
                .body(spec("logistic-regression").getBytes(StandardCharsets.UTF_8)).post("/api/pipeline-runs")
                .then().statusCode(201).extract().<String> path("id");
        awaitEnd(second);
        browser.go("/ui/runs?experiment=" + PIPELINE);
        var picks = browser.driver().findElements(By.cssSelector("#runs input.pick"));
        assertThat(picks).hasSize(2);
        picks.forEach(pick -> pick.click());
        // When
        browser.find("#compare-button").click();
        // Then
        browser.await("#compare-runs", 10);
        assertThat(browser.driver().findElements(By.cssSelector("#compare-runs thead th code"))).hasSize(2);
        assertThat(browser.driver().findElements(By.cssSelector("#compare-params td.differs"))).isNotEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("#compare-metrics tr"))).hasSizeGreaterThan(2);
        assertThat(browser.driver().findElements(By.cssSelector("#compare-curves canvas"))).isNotEmpty();
        browser.screenshot("05-compare-runs");
    }

    @Test
    @Order(5)
    void sheMovesStagingButOnlyAReleaseManagerPromotesToProduction() throws Exception {
        // Given
        browser.go("/ui/models/" + MODEL + "/versions/1");
        assertThat(browser.find("#promote-alias option[value=production]").getDomAttribute("disabled")).isNotNull();
        assertThat(browser.driver().findElements(By.cssSelector("#confusion-matrix tbody td"))).hasSize(4);
        new Select(browser.find("#promote-alias")).selectByValue("staging");
        browser.find("#promote-button").click();
        browser.awaitText("#promote-result", "staging now points at v1", 10);
        browser.awaitText("h1", "staging", 10); // the page reloads with the alias: log out only after that
        logOutAndIn("ada");
        browser.go("/ui/models/" + MODEL + "/versions/1");
        new Select(browser.find("#promote-alias")).selectByValue("production");
        // When
        browser.find("#promote-button").click();
        // Then
        browser.awaitText("#promote-result", "production now points at v1", 10);
        browser.awaitText("h1", "production", 10); // the page reloads with the alias
        browser.screenshot("06-model-version-promoted");
    }

    @Test
    @Order(6)
    void anSreSeesNoUploadButSeesTheAuditLogOfThePromotions() throws Exception {
        // Given
        logOutAndIn("sam");
        assertThat(browser.driver().findElements(By.cssSelector("#upload-form"))).isEmpty();
        // When
        browser.find("a[href='/ui/audit']").click();
        browser.find("#audit-verify").click();
        // Then
        browser.awaitText("#verify-report", "The chain verifies", 10);
        var entries = browser.find("#audit tbody").getText();
        assertThat(entries).contains("alias.moved").contains("model:" + MODEL + "/alias:production").contains("ada")
                .contains("model:" + MODEL + "/alias:staging").contains("ana");
        browser.screenshot("07-audit-log");
    }

    @Test
    @Order(7)
    void anSreWatchesARolloutAndRollsItBackFromTheDeploymentsPage() throws Exception {
        // Given: CI (a release manager's rights) deploys production (v1) and starts a canary of v2 held at 50 %
        var token = KeycloakResource.ciAccessToken();
        var deployment = "ui-" + SUFFIX;
        given().auth().oauth2(token).contentType("application/json").body(java.util.Map.of("name", deployment,
                "model", MODEL)).post("/api/deployments").then().statusCode(201);
        given().auth().oauth2(token).contentType("application/json").body(java.util.Map.of("version", 2,
                "steps", java.util.List.of(50, 100), "analysis", java.util.Map.of("intervalMs", 600_000)))
                .post("/api/deployments/" + deployment + "/rollouts").then().statusCode(202);
        browser.go("/ui/deployments");
        browser.find("a[href='/ui/deployments/" + deployment + "']").click();
        browser.awaitText("#rollout-status", "RUNNING", 10);
        assertThat(browser.find(".split .candidate").getText()).contains("50%");
        assertThat(browser.find("#decisions tbody").getText()).contains("STARTED");
        browser.screenshot("08-rollout-running");
        // When
        browser.find("#rollback-button").click();
        browser.driver().switchTo().alert().accept();
        // Then
        browser.awaitText("#rollback-result", "Now serving v1", 20);
        browser.awaitText("#rollout-status", "ROLLED_BACK", 20);
        assertThat(browser.find("#decisions tbody").getText()).contains("ROLLED_BACK").contains("sam");
        assertThat(browser.find("#served-version").getText()).isEqualTo("v1");
        browser.screenshot("09-rollout-rolled-back");
        given().auth().oauth2(token).delete("/api/deployments/" + deployment).then().statusCode(204);
    }

    @Test
    @Order(8)
    void anSreSeesADriftAlertWithItsFiguresOverTime() throws Exception {
        // Given what the monitoring service publishes for a deployment: two windows (dow drifts in the second) and
        // the alert on dow; the model's pipeline has no monitor.retrain policy, so the control plane retrains nothing
        String deployment = "churn-ui-" + SUFFIX;
        publish("cairn.monitoring", deployment, window(deployment, "2001-01-31T00:00:00Z", 0.02, 0.4));
        publish("cairn.monitoring", deployment, window(deployment, "2001-02-28T00:00:00Z", 0.31, 1e-9));
        publish("cairn.alerts", deployment, """
                {"version":1,"alertId":"%s-dow","state":"FIRING","kind":"DRIFT","deploymentId":"%s","modelVersion":"1",
                 "modelPackage":"%s","rule":"categorical-shift","feature":"dow","metric":"chi_square_p_value",
                 "value":1e-9,"threshold":0.001,"windowPredictions":4000,"message":"dow moved",
                 "at":"2001-02-28T00:00:00Z"}""".formatted(deployment, deployment, "0".repeat(64)));
        String token = KeycloakResource.accessToken("sam");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(token)
                .get("/api/alerts?deployment=" + deployment).then().statusCode(200).extract().<Integer>path("total") == 1);
        // When
        browser.find("a[href='/ui/monitoring']").click();
        browser.go("/ui/monitoring?deployment=" + deployment);
        // Then
        browser.awaitText("#monitoring-alerts", "FIRING", 30);
        var alerts = browser.find("#monitoring-alerts tbody").getText();
        assertThat(alerts).contains("DRIFT").contains("categorical-shift").contains("dow")
                .contains("skipped: model package");
        assertThat(browser.find("#monitoring-quality tbody").getText()).contains("dow").contains("0.3100");
        assertThat(browser.driver().findElements(By.cssSelector("#monitoring-charts canvas"))).hasSizeGreaterThan(1);
        browser.screenshot("10-monitoring-drift-alert");
    }

    /** A WindowMeasured record as monitoring writes it: one categorical feature, dow. */
    private static String window(String deployment, String end, double psi, double pValue) {
        return """
                {"version":1,"deploymentId":"%s","modelVersion":"1","modelPackage":"%s","windowStart":"2001-01-01T00:00:00Z",
                 "windowEnd":"%s","predictions":4000,"driftScored":true,
                 "features":[{"feature":"dow","kind":"categorical","psi":%s,"chiSquare":80.1,"chiSquarePValue":%s,
                   "jensenShannon":0.05,"missingRate":0.0,"unseenRate":0.0,"invalidRate":0.0}],
                 "performance":{"labelled":0},"health":{"requests":4000,"errors":0,"errorRate":0.0,"p50Millis":0.4,
                   "p95Millis":0.9,"p99Millis":1.3},"at":"%s"}""".formatted(deployment, "0".repeat(64), end, psi, pValue,
                end);
    }

    private static void publish(String topic, String key, String value) throws Exception {
        var props = new java.util.Properties();
        props.put("bootstrap.servers", org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("kafka.bootstrap.servers", String.class));
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(props,
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static void logOutAndIn(String user) throws Exception {
        browser.find("#logout").click();
        try {
            browser.await("#log-in-again", 20).click();
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("logout-failed");
            throw new AssertionError("not logged out: at " + browser.driver().getCurrentUrl() + "\n"
                    + browser.driver().getPageSource().substring(0, Math.min(3000,
                            browser.driver().getPageSource().length())), e);
        }
        browser.logIn(user, KeycloakResource.password(user));
    }

    private static void replace(String css, String text) {
        var input = browser.find(css);
        input.clear();
        input.sendKeys(text);
    }

    private static String spec(String algorithm) {
        return """
                name: %s
                dataset: %s
                target: churn
                steps:
                  split: { test: 0.2, seed: 42 }
                  train: { algorithm: %s }
                  register: { model: %s }
                """.formatted(PIPELINE, DATASET, algorithm, MODEL);
    }

    private static void awaitEnd(String id) {
        var token = KeycloakResource.ciAccessToken();
        await("pipeline run " + id).atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> given()
                .auth().oauth2(token).get("/api/pipeline-runs/" + id).then().extract().<String> path("state")
                .matches("SUCCEEDED|FAILED|CANCELLED"));
    }

    private static Path churnCsv() {
        return Path.of(System.getProperty("basedir", "."), "..", "demo", "churn.csv").toAbsolutePath().normalize();
    }
}
