package dev.cairn.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.cli.FakePlatform;
import dev.cairn.cli.launch.Workspace;

/** {@code cairn run} against a scripted platform, as a CI job runs it: exit codes and what it prints. */
class RunCommandTest {
    private static final String RUNNING = "{'id':'r1','pipeline':'churn','state':'RUNNING','steps':[{'step':'TRAIN','state':'RUNNING'}]}";

    @TempDir
    Path repo;
    private FakePlatform platform;
    private Path spec;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void platformAndSpec() throws Exception {
        platform = new FakePlatform();
        spec = Files.writeString(repo.resolve("churn-pipeline.yaml"), "name: churn\n");
    }

    @AfterEach
    void stopPlatform() {
        platform.close();
    }

    private int run(Map<String, String> env, String... args) throws InterruptedException {
        var command = new RunCommand(new Workspace(repo), env, new PrintStream(printed, true, StandardCharsets.UTF_8));
        return command.run(List.of(args));
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    @Test
    void exitsZeroAndNamesTheModelWhenTheRunSucceeds() throws Exception {
        // Given
        platform.answer("POST", "/api/pipeline-runs", 201, json("{'id':'r1','pipeline':'churn','state':'PENDING'}"))
                .answer("GET", "/api/pipeline-runs/r1", 200, json(RUNNING))
                .answer("GET", "/api/pipeline-runs/r1", 200, json("{'id':'r1','state':'SUCCEEDED','metrics':{'accuracy':0.8},"
                        + "'steps':[{'step':'TRAIN','state':'SUCCEEDED'}],'model':{'name':'churn-classifier','version':'4'}}"));
        Path outputs = repo.resolve("github-output");
        var env = new HashMap<>(platform.ciEnvironment());
        env.put("GITHUB_OUTPUT", outputs.toString());
        // When
        int exit = run(env, spec.toString(), "--wait");
        // Then
        assertThat(exit).isZero();
        assertThat(printed()).contains("as client cairn-ci", "Run r1 (pipeline churn) PENDING", "TRAIN", "RUNNING",
                "accuracy", "0.8000", "registered model churn-classifier version 4");
        assertThat(platform.requests().get(0)).isEqualTo("POST /api/pipeline-runs Bearer token-1 name: churn\n");
        assertThat(outputs).content().contains("run-id=r1", "state=SUCCEEDED", "model=churn-classifier", "model-version=4");
    }

    @Test
    void exitsOneWithTheReasonWhenTheRunFails() throws Exception {
        // Given
        platform.answer("POST", "/api/pipeline-runs", 201, json("{'id':'r1','state':'PENDING'}"))
                .answer("GET", "/api/pipeline-runs/r1", 200, json("{'id':'r1','state':'FAILED','reason':'TRAIN failed: out of memory',"
                        + "'steps':[{'step':'TRAIN','state':'FAILED','reason':'out of memory'}]}"));
        // When
        int exit = run(platform.ciEnvironment(), spec.toString(), "--wait");
        // Then
        assertThat(exit).isEqualTo(1);
        assertThat(printed()).contains("FAILED: TRAIN failed: out of memory");
    }

    @Test
    void exitsTwoWithEachFieldErrorWhenTheSpecIsInvalid() throws Exception {
        // Given
        platform.answer("POST", "/api/pipeline-runs", 400, json("{'title':'Invalid pipeline spec','status':400,'detail':'1 problem',"
                + "'errors':[{'field':'steps.train.algorithm','message':'unknown algorithm xgb'}]}"));
        // When
        int exit = run(platform.ciEnvironment(), spec.toString(), "--wait");
        // Then
        assertThat(exit).isEqualTo(2);
        assertThat(printed()).contains("Invalid pipeline spec", "1 problem", "steps.train.algorithm: unknown algorithm xgb");
    }

    @Test
    void exitsTwoWithoutCallingAnythingWhenTheSpecFileIsMissing() throws Exception {
        // Given
        var missing = repo.resolve("nope.yaml").toString();
        // When
        int exit = run(platform.ciEnvironment(), missing);
        // Then
        assertThat(exit).isEqualTo(2);
        assertThat(printed()).contains("Cannot read the spec", "Usage: ./cairn run");
        assertThat(platform.requests()).isEmpty();
    }

    @Test
    void exitsThreeWhenTheRunOutlastsTheTimeout() throws Exception {
        // Given
        platform.answer("POST", "/api/pipeline-runs", 201, json(RUNNING)).answer("GET", "/api/pipeline-runs/r1", 200, json(RUNNING));
        // When
        int exit = run(platform.ciEnvironment(), spec.toString(), "--wait", "--timeout", "1s");
        // Then
        assertThat(exit).isEqualTo(3);
        assertThat(printed()).contains("has not finished", "it goes on", "/api/pipeline-runs/r1/cancel");
    }

    @Test
    void exitsFourWhenTheClientSecretIsWrong() throws Exception {
        // Given
        var env = new HashMap<>(platform.ciEnvironment());
        env.put("CAIRN_CLIENT_SECRET", "wrong");
        // When
        int exit = run(env, spec.toString(), "--wait");
        // Then
        assertThat(exit).isEqualTo(4);
        assertThat(printed()).contains("client cairn-ci", "unauthorized_client").doesNotContain("wrong");
        assertThat(platform.requests()).isEmpty();
    }

    @Test
    void exitsFourWhenTheRoleMayNotSubmit() throws Exception {
        // Given
        platform.answer("POST", "/api/pipeline-runs", 403, "");
        // When
        int exit = run(platform.ciEnvironment(), spec.toString());
        // Then
        assertThat(exit).isEqualTo(4);
        assertThat(printed()).contains("POST /api/pipeline-runs answered 403");
    }

    @Test
    void exitsFourWhenNothingListens() throws Exception {
        // Given
        var env = new HashMap<>(platform.ciEnvironment());
        platform.close();
        // When
        int exit = run(env, spec.toString(), "--wait");
        // Then
        assertThat(exit).isEqualTo(4);
    }

    @Test
    void exitsZeroOnceSubmittedWithoutWait() throws Exception {
        // Given
        platform.answer("POST", "/api/pipeline-runs", 201, json("{'id':'r1','pipeline':'churn','state':'PENDING'}"));
        // When
        int exit = run(platform.ciEnvironment(), spec.toString());
        // Then
        assertThat(exit).isZero();
        assertThat(platform.requests()).hasSize(1);
    }
}
