package dev.cairn.api.pipelines;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.cairn.api.TaskTopic;
import dev.cairn.cli.stack.DevStackResource;
import dev.cairn.contracts.StepName;
import dev.cairn.contracts.TaskCommand;
import dev.cairn.contracts.TaskEvent;
import dev.cairn.contracts.TaskEvent.Status;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "ana", roles = "data-scientist")
class PipelineRunResourceTest {
    private static final String SPEC = """
            name: tiny
            dataset: tiny
            target: label
            steps:
              split: { test: 0.25, seed: 7 }
              train: { algorithm: cart, params: { max_depth: 3 } }
            """;

    private static void registerDataset() {
        given().contentType("text/csv").body("x,label\n1,a\n2,b\n3,a\n4,b\n5,a\n6,b\n7,a\n8,b\n")
                .post("/api/datasets/tiny").then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(201), equalTo(200)));
    }

    @Test
    void aSubmittedRunSendsItsFirstTaskThroughKafka() throws Exception {
        // When
        String id = yaml(SPEC).post("/api/pipeline-runs")
                .then().statusCode(201).body("state", equalTo("PENDING")).body("dataset", equalTo("tiny@1"))
                .extract().path("id");
        // Then
        var commands = TaskTopic.commandsFor(id, 1, Duration.ofSeconds(20));
        assertThat(commands).singleElement().satisfies(command -> {
            assertThat(command.step()).isEqualTo(StepName.CLEAN);
            assertThat(command.spec().steps().train().params()).containsEntry("max_depth", 3);
            assertThat(command.dataset().schema().rows()).isEqualTo(8);
        });
        cancel(id);
    }

    @Test
    void aDataScientistMayNotSubmitASpecThatDeploysWithoutARelease() {
        // Given: steps.deploy would move production with the submitter's rights
        registerDataset();
        String deploying = SPEC + "  register: { model: tiny-model }\n  deploy: { strategy: canary, steps: [50, 100] }\n";
        // When / Then
        yaml(deploying).post("/api/pipeline-runs").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", containsString("deploy-not-allowed"))
                .body("detail", containsString("release-manager"));
    }

    @Test
    @TestSecurity(user = "rita", roles = { "data-scientist", "release-manager" })
    void aReleaseManagerMaySubmitASpecThatDeploys() throws Exception {
        // Given
        registerDataset();
        String deploying = SPEC + "  register: { model: tiny-model }\n  deploy: { strategy: canary, steps: [50, 100] }\n";
        // When
        String id = yaml(deploying).post("/api/pipeline-runs").then().statusCode(201).extract().path("id");
        // Then
        var commands = TaskTopic.commandsFor(id, 1, Duration.ofSeconds(20));
        assertThat(commands.getFirst().spec().steps().deploy().strategy()).isEqualTo("canary");
        cancel(id);
    }

    @Test
    void workerEventsAdvanceTheRunAndRedeliveriesAreHarmless() throws Exception {
        // Given
        String id = submit();
        var clean = TaskTopic.commandsFor(id, 1, Duration.ofSeconds(20)).getFirst();
        var succeeded = event(clean, Status.SUCCEEDED, Map.of("cleaned", "c".repeat(64)));
        // When
        TaskTopic.publish(event(clean, Status.STARTED, Map.of()));
        TaskTopic.publish(succeeded);
        TaskTopic.publish(succeeded);
        // Then
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/pipeline-runs/" + id).then()
                .body("state", equalTo("RUNNING"))
                .body("steps[0].state", equalTo("SUCCEEDED"))
                .body("steps[1].state", equalTo("PENDING")));
        var commands = TaskTopic.commandsFor(id, 3, Duration.ofSeconds(3));
        assertThat(commands).extracting(TaskCommand::step).containsExactly(StepName.CLEAN, StepName.SPLIT);
        assertThat(commands.get(1).inputs()).containsEntry("cleaned", "c".repeat(64));
        cancel(id);
    }

    @Test
    void aFailedStepFailsTheRunWithTheWorkersReason() throws Exception {
        // Given
        String id = submit();
        var clean = TaskTopic.commandsFor(id, 1, Duration.ofSeconds(20)).getFirst();
        // When
        TaskTopic.publish(new TaskEvent(1, clean.taskId(), clean.attempt(), id, StepName.CLEAN, Status.FAILED,
                "target 'label' has a single class 'a'", Map.of(), Map.of(), Map.of(), "w", Instant.now()));
        // Then
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/pipeline-runs/" + id).then()
                .body("state", equalTo("FAILED"))
                .body("reason", equalTo("clean failed: target 'label' has a single class 'a'"))
                .body("steps[2].state", equalTo("CANCELLED")));
    }

    @Test
    void anInvalidSpecIsRefusedWithEveryProblemAndNoRun() {
        // Given
        int before = given().get("/api/pipeline-runs?pipeline=tiny&size=500").then().extract().path("size()");
        // When
        var response = yaml(SPEC.replace("target: label", "target: colour").replace("cart", "gradient-magic"))
                .post("/api/pipeline-runs");
        // Then
        response.then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-spec"))
                .body("errors.field", hasItem("target"))
                .body("errors.field", hasItem("steps.train.algorithm"))
                .body("errors.find { it.field == 'target' }.message", containsString("'colour' is not a column"));
        given().get("/api/pipeline-runs?pipeline=tiny&size=500").then().body("size()", equalTo(before));
    }

    @Test
    void aRunCanBeCancelledOnceAndUnknownRunsAreNotFound() {
        // Given
        String id = submit();
        // When
        var cancelled = given().post("/api/pipeline-runs/" + id + "/cancel");
        // Then
        cancelled.then().statusCode(200).body("state", equalTo("CANCELLED")).body("reason", equalTo("cancelled by ana"));
        given().post("/api/pipeline-runs/" + id + "/cancel").then().statusCode(409)
                .body("type", equalTo("/problems/run-finished"));
        given().get("/api/pipeline-runs/no-such-run").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "sam", roles = "sre")
    void sresCannotSubmitPipelines() {
        given().contentType("application/yaml").body(SPEC.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/pipeline-runs").then().statusCode(403);
    }

    private static io.restassured.specification.RequestSpecification yaml(String spec) {
        registerDataset();
        return given().contentType("application/yaml").body(spec.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String submit() {
        return yaml(SPEC).post("/api/pipeline-runs").then().statusCode(201)
                .extract().path("id");
    }

    private static void cancel(String id) {
        given().post("/api/pipeline-runs/" + id + "/cancel").then().statusCode(200);
    }

    private static TaskEvent event(TaskCommand command, Status status, Map<String, String> outputs) {
        return new TaskEvent(1, command.taskId(), command.attempt(), command.runId(), command.step(), status, null,
                outputs, Map.of(), Map.of(), "test-worker", Instant.now());
    }
}
