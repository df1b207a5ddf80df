package dev.cairn.api.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.cli.stack.DevStackResource;
import dev.cairn.cli.stack.KeycloakResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A bearer token is a password for its lifetime: none may reach the log, whether the API accepts it or refuses it,
 * even with the security categories at DEBUG.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KeycloakResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class NoTokensInLogsTest {
    private static final List<String> VERBOSE = List.of("io.quarkus.oidc", "io.quarkus.security",
            "io.quarkus.vertx.http.runtime.security", "dev.cairn");
    private final Capture capture = new Capture();

    @BeforeEach
    void captureEverything() {
        VERBOSE.forEach(category -> Logger.getLogger(category).setLevel(Level.FINE));
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
        VERBOSE.forEach(category -> Logger.getLogger(category).setLevel(null));
    }

    @Test
    void neitherAcceptedNorRefusedTokensAreLogged() throws Exception {
        // Given
        var accepted = KeycloakResource.accessToken("sam");
        var forbidden = KeycloakResource.accessToken("sam");
        var wrongAudience = KeycloakResource.tokens().password("admin-cli", "ana", KeycloakResource.password("ana"))
                .accessToken();
        // When
        var statuses = List.of(
                given().auth().oauth2(accepted).get("/api/models").statusCode(),
                given().auth().oauth2(forbidden).contentType("text/csv").body("a\n1\n").post("/api/datasets/x")
                        .statusCode(),
                given().auth().oauth2(wrongAudience).get("/api/models").statusCode());
        // Then
        assertThat(statuses).containsExactly(200, 403, 401);
        assertThat(capture.lines).isNotEmpty();
        for (var token : List.of(accepted, forbidden, wrongAudience)) {
            var signature = token.substring(token.lastIndexOf('.') + 1);
            assertThat(capture.lines).noneMatch(line -> line.contains(signature));
        }
    }

    /** Every record, formatted as the console would show it, with its stack trace. */
    private static final class Capture extends Handler {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record) {
            var text = new StringWriter();
            text.append(record.getLoggerName()).append(' ')
                    .append(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(text));
            }
            lines.add(text.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
