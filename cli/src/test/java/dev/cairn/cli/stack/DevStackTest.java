package dev.cairn.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DevStackTest {
    private static DevStack stack;

    @BeforeAll
    static void startStack() {
        stack = DevStack.start();
        System.out.println("DevStack ready in " + stack.readyIn().toMillis() + " ms: " + stack);
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    @Test
    void answersSqlInTheCairnDatabase() throws Exception {
        // Given
        try (var connection = DriverManager.getConnection(stack.jdbcUrl(), stack.dbUser(), stack.dbPassword());
             var statement = connection.createStatement()) {
            // When
            var result = statement.executeQuery("select 1, current_database()");
            // Then
            assertThat(result.next()).isTrue();
            assertThat(result.getInt(1)).isEqualTo(1);
            assertThat(result.getString(2)).isEqualTo("cairn");
        }
    }

    @Test
    void deliversAProducedRecordToAConsumer() throws Exception {
        // Given
        var value = "hello-" + UUID.randomUUID();
        try (var producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("cairn.tasks", "run-1", value)).get();
        }
        // When
        var received = consumeFrom("cairn.tasks", 1);
        // Then
        assertThat(received).containsExactly("run-1=" + value);
    }

    @Test
    void createsCairnTopicsWithTheirPartitionCounts() throws Exception {
        // Given
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()))) {
            // When
            var topics = admin.describeTopics(DevStack.TOPICS.keySet()).allTopicNames().get();
            // Then
            assertThat(topics).hasSize(10).containsKeys("cairn.monitoring", "cairn.monitoring.dlq", "cairn.alerts.dlq");
            DevStack.TOPICS.forEach((name, partitions) ->
                    assertThat(topics.get(name).partitions()).as(name).hasSize(partitions));
            assertThat(topics.get("cairn.alerts").partitions()).hasSize(1);
        }
    }

    private static Map<String, Object> producerConfig() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    }

    private static List<String> consumeFrom(String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        var received = new ArrayList<String>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> received.add(r.key() + "=" + r.value()));
            }
        }
        return received;
    }
}
