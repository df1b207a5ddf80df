package dev.cairn.api.ui;

import static io.restassured.RestAssured.given;

import dev.cairn.cli.stack.DevStackResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Not a test (surefire runs *Test): bench/ui-runs-page.sh runs it. Puts 10,000 runs (4 metrics and 3 params each, in
 * 10 experiments) in the database, then times the runs page, rendered whole, for the views people use: newest first,
 * sorted by a metric, filtered, and the last page. "server" is the page's own Server-Timing figure (its queries and
 * the template); "request" is from sending the request to having the whole HTML, over loopback.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class RunsPageBench {
    static final int RUNS = 10_000;
    static final int WARMUP = 30;
    static final int SAMPLES = 60;
    private static final String[] METRICS = { "accuracy", "f1_macro", "roc_auc", "train.loss" };

    @Inject
    AgroalDataSource db;

    @Test
    @TestSecurity(user = "ana", roles = "data-scientist")
    void runsPageWithTenThousandRuns() throws SQLException {
        String prefix = "bench-" + UUID.randomUUID().toString().substring(0, 6);
        long seeded = seed(prefix);
        System.out.printf(Locale.ROOT, "BENCH seeded %d runs in %d ms%n", RUNS, seeded);
        time("newest first, page 1", "/ui/runs");
        time("sorted by accuracy", "/ui/runs?sort=metric:accuracy&dir=desc");
        time("filtered: FINISHED, accuracy >= 0.9", "/ui/runs?status=FINISHED&where=accuracy%20%3E%3D%200.9");
        time("search text", "/ui/runs?q=" + prefix + "-3");
        time("last page (offset 9950)", "/ui/runs?page=199&size=50");
        time("200 rows per page", "/ui/runs?size=200");
    }

    private static void time(String label, String path) {
        for (int i = 0; i < WARMUP; i++) {
            given().get(path).then().statusCode(200);
        }
        var millis = new double[SAMPLES];
        var server = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            var response = given().get(path).then().statusCode(200).extract();
            response.asString();
            millis[i] = (System.nanoTime() - start) / 1e6;
            server[i] = serverMillis(response.header("Server-Timing"));
        }
        Arrays.sort(millis);
        Arrays.sort(server);
        System.out.printf(Locale.ROOT, "BENCH %-38s server median %6.1f ms  p95 %6.1f ms | request median %6.1f ms  "
                + "p95 %6.1f ms%n", label, server[SAMPLES / 2], server[(int) (SAMPLES * 0.95)], millis[SAMPLES / 2],
                millis[(int) (SAMPLES * 0.95)]);
    }

    /** The page's own figure: queries and template rendering, without the network ({@code total;dur=12.3}). */
    private static double serverMillis(String serverTiming) {
        var match = java.util.regex.Pattern.compile("total;dur=([0-9.]+)").matcher(serverTiming);
        return match.find() ? Double.parseDouble(match.group(1)) : Double.NaN;
    }

    /** Plain JDBC batches: the Java API would take minutes for 10,000 runs and measures nothing here. */
    private long seed(String prefix) throws SQLException {
        long start = System.currentTimeMillis();
        var random = new Random(7);
        try (var connection = db.getConnection()) {
            connection.setAutoCommit(false);
            long[] experiments = new long[10];
            try (var experiment = connection.prepareStatement(
                    "insert into experiment (id, name, created_at) values (nextval('experiment_seq'), ?, now()) returning id")) {
                for (int e = 0; e < experiments.length; e++) {
                    experiment.setString(1, prefix + "-" + e);
                    try (var r = experiment.executeQuery()) {
                        r.next();
                        experiments[e] = r.getLong(1);
                    }
                }
            }
            try (var run = connection.prepareStatement("insert into experiment_run (id, experiment_id, name, status, "
                    + "source, created_by, start_time, end_time) values (?, ?, ?, ?, ?, 'bench', ?, ?)");
                    var metric = connection.prepareStatement("insert into run_latest_metric (run_id, name, value, step, "
                            + "logged_at) values (?, ?, ?, 0, now())");
                    var param = connection.prepareStatement("insert into run_param (run_id, name, value) values (?, ?, ?)")) {
                var now = Instant.now();
                for (int i = 0; i < RUNS; i++) {
                    var id = UUID.randomUUID().toString();
                    var started = now.minusSeconds(RUNS - i);
                    run.setString(1, id);
                    run.setLong(2, experiments[i % experiments.length]);
                    run.setString(3, prefix + "-" + i);
                    run.setString(4, i % 17 == 0 ? "FAILED" : "FINISHED");
                    run.setString(5, "bench");
                    run.setTimestamp(6, Timestamp.from(started));
                    run.setTimestamp(7, Timestamp.from(started.plusSeconds(30)));
                    run.addBatch();
                    for (var name : METRICS) {
                        metric.setString(1, id);
                        metric.setString(2, name);
                        metric.setDouble(3, random.nextDouble());
                        metric.addBatch();
                    }
                    for (var name : new String[] { "algorithm", "max_depth", "seed" }) {
                        param.setString(1, id);
                        param.setString(2, name);
                        param.setString(3, name.equals("algorithm") ? "cart" : String.valueOf(random.nextInt(10)));
                        param.addBatch();
                    }
                    if (i % 1000 == 999) {
                        run.executeBatch();
                        metric.executeBatch();
                        param.executeBatch();
                    }
                }
            }
            connection.commit();
        }
        return System.currentTimeMillis() - start;
    }
}
