package dev.cairn.worker.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.cli.stack.DevStackResource;
import dev.cairn.contracts.ColumnSchema;
import dev.cairn.contracts.ColumnType;
import dev.cairn.contracts.DatasetRef;
import dev.cairn.contracts.DatasetSchema;
import dev.cairn.contracts.PipelineSpec;
import dev.cairn.contracts.StepName;
import dev.cairn.contracts.TaskCommand;
import dev.cairn.contracts.TaskEvent;
import dev.cairn.store.artifact.ArtifactStorage;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The worker against a real Kafka broker: commands in on cairn.tasks, events out on cairn.task-events. */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class TaskConsumerTest {

    private static final String CSV = "x,plan,label\n1,a,No\n2,b,Yes\n3,a,No\nNA,b,Yes\n";
    private static final DatasetSchema SCHEMA = new DatasetSchema(List.of(
            new ColumnSchema("x", ColumnType.NUMERIC, 1, 3, false),
            new ColumnSchema("plan", ColumnType.CATEGORICAL, 0, 2, false),
            new ColumnSchema("label", ColumnType.CATEGORICAL, 0, 2, false)), List.of("", "NA"), 4);

    @Inject
    ArtifactStorage storage;

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private String cleanCommand(String runId, String target) throws Exception {
        String sha = storage.put(new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8))).sha256();
        var spec = new PipelineSpec("worker-test", "tiny@1", target, Map.of(), new PipelineSpec.Steps(
                new PipelineSpec.CleanStep("impute-median", "drop", "none"), null, null, null, null));
        var command = new TaskCommand(1, "task-" + runId, 1, runId, StepName.CLEAN, spec,
                new DatasetRef("tiny", 1, sha, SCHEMA), Map.of("dataset", sha));
        return TaskJson.MAPPER.writeValueAsString(command);
    }

    private static void send(String topic, String key, String value) throws Exception {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** Reads the topic from the start until {@code done} holds for the records seen with this key, or a minute passes. */
    private static List<ConsumerRecord<String, String>> read(String topic, String key,
            Predicate<List<ConsumerRecord<String, String>>> done) {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        var seen = new ArrayList<ConsumerRecord<String, String>>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (!done.test(seen) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        seen.add(r);
                    }
                });
            }
        }
        return seen;
    }

    private static List<TaskEvent> events(String runId) {
        var records = read("cairn.task-events", runId, seen -> seen.size() >= 2);
        return records.stream().map(r -> {
            try {
                return TaskJson.MAPPER.readValue(r.value(), TaskEvent.class);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void cleansADatasetAnnouncingStartedThenSucceeded() throws Exception {
        // Given
        String runId = "run-" + UUID.randomUUID();
        String command = cleanCommand(runId, "label");
        // When
        send("cairn.tasks", runId, command);
        // Then
        var events = events(runId);
        assertThat(events).extracting(TaskEvent::status)
                .containsExactly(TaskEvent.Status.STARTED, TaskEvent.Status.SUCCEEDED);
        var succeeded = events.get(1);
        assertThat(succeeded.taskId()).isEqualTo("task-" + runId);
        assertThat(succeeded.worker()).contains("/");
        assertThat(succeeded.metrics()).containsEntry("rows_out", 4.0);
        assertThat(succeeded.outputs()).containsKeys("cleaned", "preprocessing");
        assertThat(succeeded.outputs().values()).allMatch(storage::exists);
    }

    @Test
    void failsACleanWhoseTargetIsNotInTheDataset() throws Exception {
        // Given
        String runId = "run-" + UUID.randomUUID();
        String command = cleanCommand(runId, "churned");
        // When
        send("cairn.tasks", runId, command);
        // Then
        var events = events(runId);
        assertThat(events).extracting(TaskEvent::status)
                .containsExactly(TaskEvent.Status.STARTED, TaskEvent.Status.FAILED);
        assertThat(events.get(1).reason())
                .isEqualTo("target column 'churned' is not in the dataset; columns: x, plan, label");
    }

    @Test
    void setsAsideAMessageThatIsNotACommand() throws Exception {
        // Given
        String key = "poison-" + UUID.randomUUID();
        // When
        send("cairn.tasks", key, "clean my data please");
        // Then
        var dead = read("cairn.tasks.dlq", key, seen -> !seen.isEmpty());
        assertThat(dead).singleElement().satisfies(r -> assertThat(r.value()).isEqualTo("clean my data please"));
    }
}
