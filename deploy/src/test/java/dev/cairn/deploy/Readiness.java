package dev.cairn.deploy;

import static io.restassured.RestAssured.when;

import java.time.Duration;
import org.awaitility.Awaitility;

/** The server loads and warms its model after Quarkus has started: tests wait for readiness as a router would. */
public final class Readiness {

    private Readiness() {
    }

    public static void await() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> when().get("/v2/health/ready").statusCode() == 200);
    }
}
