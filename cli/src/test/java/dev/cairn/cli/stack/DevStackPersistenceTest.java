package dev.cairn.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevStackPersistenceTest {
    @TempDir
    Path dir;

    @Test
    void keepsRowsAndTopicsAcrossRestartsInTheSameDataDirectory() throws Exception {
        // Given
        try (var first = DevStack.start(dir.resolve("data"), dir.resolve("logs"))) {
            try (var db = DriverManager.getConnection(first.jdbcUrl(), first.dbUser(), first.dbPassword())) {
                db.createStatement().execute("create table kept (name text); insert into kept values ('survivor')");
            }
            try (var admin = admin(first)) {
                admin.createTopics(List.of(new NewTopic("kept-topic", 2, (short) 1))).all().get();
            }
        }
        // When
        try (var second = DevStack.start(dir.resolve("data"), dir.resolve("logs"))) {
            System.out.println("DevStack restarted on existing data in " + second.readyIn().toMillis() + " ms");
            // Then
            try (var db = DriverManager.getConnection(second.jdbcUrl(), second.dbUser(), second.dbPassword())) {
                var rows = db.createStatement().executeQuery("select name from kept");
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("survivor");
            }
            try (var admin = admin(second)) {
                assertThat(admin.listTopics().names().get()).contains("kept-topic", "cairn.tasks");
            }
        }
        assertThat(dir.resolve("logs/postgres.log")).isNotEmptyFile();
    }

    private static Admin admin(DevStack stack) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(30).toMillis()));
    }
}
