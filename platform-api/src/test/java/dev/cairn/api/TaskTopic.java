package dev.cairn.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.cairn.contracts.TaskCommand;
import dev.cairn.contracts.TaskEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Plain Kafka clients on the test broker: what a worker would see on cairn.tasks, and a worker's voice on cairn.task-events. */
public final class TaskTopic {
    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private TaskTopic() {
    }

    /** Every command sent so far for the run, waiting up to {@code timeout} for at least {@code atLeast} of them. */
    public static List<TaskCommand> commandsFor(String runId, int atLeast, Duration timeout) throws Exception {
        return commands(runId::equals, command -> true, atLeast, timeout);
    }

    /** Like {@link #commandsFor}, but by the run id inside each command: trials are keyed by task id, not run id. */
    public static List<TaskCommand> commandsOfRun(String runId, int atLeast, Duration timeout) throws Exception {
        return commands(key -> true, command -> runId.equals(command.runId()), atLeast, timeout);
    }

    /** Reads cairn.tasks from the start; only records whose key passes are parsed, so other tests' bytes never are. */
    private static List<TaskCommand> commands(Predicate<String> key, Predicate<TaskCommand> wanted, int atLeast,
            Duration timeout) throws Exception {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        var found = new ArrayList<TaskCommand>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("cairn.tasks"));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < atLeast && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.test(record.key())) {
                        var command = JSON.readValue(record.value(), TaskCommand.class);
                        if (wanted.test(command)) {
                            found.add(command);
                        }
                    }
                }
            }
        }
        return found;
    }

    public static void publish(TaskEvent event) throws Exception {
        var props = Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("cairn.task-events", event.runId(), JSON.writeValueAsString(event)))
                    .get(10, TimeUnit.SECONDS);
        }
    }

    public static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
