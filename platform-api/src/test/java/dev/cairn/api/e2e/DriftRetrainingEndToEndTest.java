package dev.cairn.api.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.oneOf;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.cli.stack.DevStackResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * The monitoring loop on real parts and real flights (monitoring's test slice): a delay model trained by a real worker
 * on January, served by a real inference server, watched by the real monitoring service through the real broker.
 * February traffic has another weekday mix (four of each weekday, January five Mondays to Wednesdays): monitoring
 * alerts, the control plane stores the alert and the window series, and the spec's {@code monitor.retrain} policy
 * starts a new run on the newer data (February, uploaded as the dataset's next version), which passes the gate,
 * registers version 2 and, by the spec's {@code steps.deploy}, rolls it out as a canary that the controller promotes
 * on the evidence of live traffic. The first run's {@code steps.deploy} made the deployment in the first place.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "ana", roles = { "data-scientist", "release-manager", "sre" })
class DriftRetrainingEndToEndTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final String MODEL = "delays-e2e";
    private static final String DEPLOYMENT = "delays-e2e";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The features a client sends: the flight as known before departure (no date or month: January only has one). */
    private static final List<String> FEATURES = List.of("dow", "hour", "distance", "origin", "destination");

    @Test
    void aDriftAlertIsStoredAndRetrainsThePipelineOnNewerData() throws Exception {
        // Given a January model, deployed and watched, and February's labelled flights as the dataset's next version
        var flights = flights();
        try (var worker = WorkerProcess.start("worker-drift-e2e");
                var monitoring = MonitoringProcess.start("monitoring-drift-e2e", 4000)) {
            upload(flights.get("train"));
            String first = submit();
            awaitEnd(first);
            given().get("/api/pipeline-runs/" + first).then().body("state", equalTo("SUCCEEDED"));
            String endpoint = awaitDeployment();
            upload(flights.get("february"));
            // When February's flights are predicted
            predict(endpoint, flights.get("february"));
            // Then the alert is stored with the retraining run it started
            var alert = awaitRetrainingAlert();
            String retrainRun = alert.getString("retraining.runId");
            assertThat(alert.getString("kind")).isEqualTo("DRIFT");
            assertThat(alert.getString("state")).isEqualTo("FIRING");
            assertThat(alert.getString("windowStart")).isNotNull();
            awaitEnd(retrainRun);
            given().get("/api/pipeline-runs/" + retrainRun).then().body("state", equalTo("SUCCEEDED"))
                    .body("createdBy", equalTo("cairn-monitor"))
                    .body("spec.dataset", equalTo(MODEL + "@2"))
                    .body("model.name", equalTo(MODEL)).body("model.version", equalTo(2))
                    .body("metrics.accuracy", greaterThan(0.7f));
            given().get("/api/audit?action=pipeline-run.retraining-started&target=pipeline-run:" + retrainRun)
                    .then().statusCode(200).body("total", equalTo(1)).body("items[0].actor", equalTo("cairn-monitor"));
            // And the new version goes through a canary decided by the controller on live traffic
            promoteUnderTraffic(endpoint, flights.get("february"));
            given().get("/api/models/" + MODEL + "/aliases/production").then().statusCode(200)
                    .body("version", equalTo(2));
            given().get("/api/deployments/" + DEPLOYMENT).then().body("version", equalTo(2));
            given().get("/api/deployments/" + DEPLOYMENT + "/drift?feature=dow").then().statusCode(200)
                    .body("windows.size()", greaterThan(0))
                    .body("windows[0].features[0].feature", equalTo("dow"))
                    .body("windows[0].features[0].chiSquarePValue", org.hamcrest.Matchers.lessThan(0.001f));
            // And the same alert delivered again starts nothing more
            redeliver(alert);
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
            given().get("/api/pipeline-runs?pipeline=" + MODEL).then().body("size()", equalTo(2));
            // And the monitoring page shows the alert, the run it started and the charts' data
            var page = Jsoup.parse(given().get("/ui/monitoring?deployment=" + DEPLOYMENT).then().statusCode(200)
                    .extract().asString());
            assertThat(page.select("#monitoring-alerts tbody").text()).contains("FIRING").contains("DRIFT");
            assertThat(page.select("a.retraining-run").attr("href")).isEqualTo("/ui/pipeline-runs/" + retrainRun);
            assertThat(page.select("#monitoring-data").html()).contains("PSI per feature").contains("dow");
            given().delete("/api/deployments/" + DEPLOYMENT).then().statusCode(204);
        }
    }

    /** Monitoring's flights slice (17,000 rows, see its README) by part, with the columns a client would have. */
    private static Map<String, List<Map<String, String>>> flights() throws IOException {
        var lines = Files.readAllLines(Path.of(System.getProperty("basedir", "."), "..", "monitoring", "src", "test",
                "resources", "flights", "flights_2001_slice.csv"));
        var header = List.of(lines.getFirst().split(","));
        var parts = new LinkedHashMap<String, List<Map<String, String>>>();
        for (String line : lines.subList(1, lines.size())) {
            var cells = line.split(",");
            var row = new LinkedHashMap<String, String>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells[i]);
            }
            parts.computeIfAbsent(row.get("part"), p -> new ArrayList<>()).add(row);
        }
        return parts;
    }

    private static void upload(List<Map<String, String>> rows) {
        var csv = new StringBuilder(String.join(",", FEATURES)).append(",delayed\n");
        rows.forEach(r -> {
            FEATURES.forEach(f -> csv.append(r.get(f)).append(','));
            csv.append(r.get("delayed")).append('\n');
        });
        given().contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/datasets/" + MODEL).then().statusCode(oneOf(200, 201));
    }

    private static String submit() {
        String spec = """
                name: delays-e2e
                dataset: delays-e2e
                target: delayed
                steps:
                  split: { test: 0.2, seed: 7 }
                  train: { algorithm: logistic-regression }
                  evaluate: { metrics: [accuracy, f1_macro], gate: "accuracy >= 0.7" }
                  register: { model: delays-e2e }
                  # the canary's limits suit a loaded test machine (p99 through the router) and two models that both
                  # mostly answer "on time" (label divergence); a window needs 20 candidate answers
                  deploy: { strategy: canary, steps: [50, 100], analysis: { max_p99_ms: 5000, max_label_divergence: 0.3, min_requests: 20, interval: 2s } }
                monitor:
                  drift: { method: chi-square, threshold: 0.001 }
                  retrain: { on: [drift, performance], cooldown: 1h }
                """;
        return given().contentType("application/yaml").body(spec.getBytes(StandardCharsets.UTF_8))
                .post("/api/pipeline-runs").then().statusCode(201).extract().path("id");
    }

    /** The first run's deploy step serves version 1 as {@code production}, as deployment {@code <model>}. */
    private static String awaitDeployment() {
        return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
            var response = given().get("/api/deployments/" + DEPLOYMENT).then().extract();
            return response.statusCode() == 200 && "SERVING".equals(response.path("status"))
                    ? response.<String>path("endpoint") : null;
        }, endpoint -> endpoint != null);
    }

    /** Clients keep predicting, one flight per request, until the controller has decided the canary of version 2. */
    private static void promoteUnderTraffic(String endpoint, List<Map<String, String>> rows) throws Exception {
        await().atMost(TIMEOUT).until(() -> given().get("/api/deployments/" + DEPLOYMENT + "/rollout").statusCode()
                == 200);
        String status = "RUNNING";
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        for (int i = 0; "RUNNING".equals(status) && System.nanoTime() < deadline; i++) {
            predict(endpoint, rows.subList(i % rows.size(), i % rows.size() + 1));
            if (i % 20 == 0) {
                status = given().get("/api/deployments/" + DEPLOYMENT + "/rollout").then().extract().path("status");
            }
        }
        given().get("/api/deployments/" + DEPLOYMENT + "/rollout").then()
                .body("candidateVersion", equalTo(2)).body("strategy", equalTo("CANARY"))
                .body("status", equalTo("PROMOTED")).body("startedBy", equalTo("cairn-monitor"))
                .body("decisions.kind", org.hamcrest.Matchers.hasItem("PROMOTED"));
    }

    /** In batches of up to 200, as a client scoring a day's departures would. */
    private static void predict(String endpoint, List<Map<String, String>> rows) throws Exception {
        for (int from = 0; from < rows.size(); from += 200) {
            var instances = rows.subList(from, Math.min(rows.size(), from + 200)).stream().map(r -> {
                var features = new LinkedHashMap<String, Object>();
                FEATURES.forEach(f -> features.put(f, r.get(f)));
                return features;
            }).toList();
            var response = HTTP.send(HttpRequest.newBuilder(URI.create(endpoint + "/predict"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("instances", instances))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
    }

    private static JsonPath awaitRetrainingAlert() {
        try {
            return awaitStartedRetraining();
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("No alert started a retraining run. Alerts: "
                    + given().get("/api/alerts?deployment=" + DEPLOYMENT).asString() + "; windows: "
                    + given().get("/api/deployments/" + DEPLOYMENT + "/drift?limit=3").asString(), e);
        }
    }

    private static JsonPath awaitStartedRetraining() {
        return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
            var page = given().get("/api/alerts?deployment=" + DEPLOYMENT + "&kind=DRIFT&state=FIRING").then()
                    .statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (int i = 0; i < items.size(); i++) {
                if ("STARTED".equals(page.getString("items[" + i + "].retraining.decision"))) {
                    return new JsonPath(JSON.writeValueAsString(items.get(i)));
                }
            }
            return null;
        }, a -> a != null);
    }

    /** The firing record again, as a broker redelivers it after a consumer restart. */
    private static void redeliver(JsonPath alert) throws Exception {
        var record = new LinkedHashMap<String, Object>();
        record.put("version", 1);
        record.put("alertId", alert.getString("alertId"));
        record.put("state", "FIRING");
        record.put("kind", "DRIFT");
        record.put("deploymentId", DEPLOYMENT);
        record.put("modelVersion", alert.getString("modelVersion"));
        record.put("modelPackage", alert.getString("modelPackage"));
        record.put("rule", alert.getString("rule"));
        record.put("feature", alert.getString("feature"));
        record.put("metric", alert.getString("metric"));
        record.put("value", alert.getDouble("value"));
        record.put("threshold", alert.getDouble("threshold"));
        record.put("windowPredictions", 4000);
        record.put("message", "redelivered");
        record.put("at", "2026-01-01T00:00:00Z");
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("cairn.alerts", DEPLOYMENT, JSON.writeValueAsString(record))).get();
        }
    }

    private static void awaitEnd(String id) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
            String state = given().get("/api/pipeline-runs/" + id).then().extract().path("state");
            return state.equals("SUCCEEDED") || state.equals("FAILED") || state.equals("CANCELLED");
        });
    }
}
