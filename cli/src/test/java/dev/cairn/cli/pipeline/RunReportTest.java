package dev.cairn.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import dev.cairn.cli.api.CairnClient.PipelineRun;

class RunReportTest {
    private final ObjectMapper json = new ObjectMapper();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final RunReport report = new RunReport(new PrintStream(printed, true, StandardCharsets.UTF_8));

    private PipelineRun run(String body) throws Exception {
        return json.readValue(body.replace('\'', '"'), PipelineRun.class);
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsEachStepOnlyWhenItsStateChanges() throws Exception {
        // Given
        var running = run("{'id':'r1','state':'RUNNING','steps':[{'step':'CLEAN','state':'RUNNING'},{'step':'SPLIT','state':'PENDING'}]}");
        var cleaned = run("{'id':'r1','state':'RUNNING','steps':[{'step':'CLEAN','state':'SUCCEEDED','metrics':{'rows_in':7043,'rows_out':7021},"
                + "'startedAt':'2026-11-23T10:00:00Z','finishedAt':'2026-11-23T10:00:01.5Z'},{'step':'SPLIT','state':'PENDING'}]}");
        report.progress(running, Duration.ofSeconds(1));
        // When
        report.progress(cleaned, Duration.ofSeconds(2));
        // Then
        assertThat(printed().lines()).hasSize(2);
        assertThat(printed().lines().toList().get(0)).contains("CLEAN", "RUNNING");
        assertThat(printed().lines().toList().get(1)).contains("CLEAN", "SUCCEEDED", "1.50 s", "rows_in=7043", "rows_out=7021");
    }

    @Test
    void takesMetricsFromTheEvaluateStepWhenTheRunHasNone() throws Exception {
        // Given
        var done = run("{'id':'r1','state':'SUCCEEDED','metrics':{},'steps':[{'step':'EVALUATE','state':'SUCCEEDED',"
                + "'metrics':{'accuracy':0.8,'precision_macro':0.7,'recall_macro':0.6,'f1_macro':0.65}}]}");
        // When
        report.metrics(done);
        // Then
        assertThat(printed()).contains("accuracy         0.8000", "f1_macro         0.6500", "roc_auc          n/a");
    }

    @Test
    void namesTheFailedStepAndItsReason() throws Exception {
        // Given
        var failed = run("{'id':'r1','state':'FAILED','reason':'step TRAIN failed','steps':[{'step':'TRAIN','state':'FAILED',"
                + "'reason':'unknown algorithm: xgb'}]}");
        // When
        report.failure(failed);
        // Then
        assertThat(printed()).contains("r1 FAILED: step TRAIN failed", "TRAIN: unknown algorithm: xgb");
    }
}
