package dev.cairn.monitoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.cli.stack.DevStack;
import dev.cairn.store.artifact.FilesystemArtifactStorage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * bench/drift.sh, part 2: prediction events consumed per second by one monitoring instance. Starts the dev stack's
 * real Kafka broker, stores a January flights model with its reference profile, publishes N prediction events
 * (the PredictionLogged JSON the inference server writes, flights rows with the model's answers) to
 * cairn.predictions, then starts the packaged monitoring app (a child JVM, as in production) reading from the
 * earliest offset, and reads its own counter {@code cairn_monitoring_predictions_total} from /q/metrics every 500 ms
 * until it reaches N. The rate is taken from the first consumed event to the last, so start-up is not counted.
 *
 * <p>Arguments: the path to {@code quarkus-run.jar}, the number of events (default 1,000,000).
 */
public final class ConsumeBench {

    public static void main(String[] args) throws Exception {
        Path app = Path.of(args[0]);
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path store = Files.createTempDirectory("cairn-bench-store");
        try (DevStack stack = DevStack.start()) {
            System.out.printf("dev stack ready in %d ms%n", stack.readyIn().toMillis());
            var flights = FlightsSlice.read();
            var model = FlightsModel.trainAndStore(new FilesystemArtifactStorage(store), flights.part("train"));
            List<String> payloads = payloads(model, flights);
            long produced = produce(stack.kafkaBootstrap(), payloads, events);
            System.out.printf("published %,d events (%d distinct, %.0f bytes each on average) in %.1f s%n", events,
                    payloads.size(), payloads.stream().mapToInt(String::length).average().orElse(0), produced / 1e3);
            inProcess(store, payloads, events);
            consume(app, stack.kafkaBootstrap(), store, events);
        }
    }

    private static List<String> payloads(FlightsModel.Stored model, FlightsSlice flights) throws Exception {
        var json = new ObjectMapper();
        var out = new ArrayList<String>();
        int i = 0;
        for (String part : List.of("january", "february", "march")) {
            for (Map<String, String> row : flights.part(part)) {
                var event = new LinkedHashMap<String, Object>();
                event.put("version", 1);
                event.put("predictionId", "p-" + i);
                event.put("deploymentId", "flights");
                event.put("model", "delays");
                event.put("modelVersion", "1");
                event.put("modelPackage", model.packageSha256());
                event.put("features", FlightsModel.Stored.features(row));
                String label = model.predict(row);
                event.put("label", label);
                event.put("probabilities", Map.of(label, 0.75));
                event.put("latencyMicros", 300 + (i % 50) * 10);
                event.put("endpoint", "predict");
                event.put("at", row.get("date").replace(' ', 'T') + ".123Z");
                out.add(json.writeValueAsString(event));
                i++;
            }
        }
        return out;
    }

    /** Decoding and windowing alone, on this thread, over the same payloads as bytes: the CPU floor per event. */
    private static void inProcess(Path store, List<String> payloads, int events) throws java.io.IOException {
        var bytes = payloads.stream().map(p -> p.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toList();
        var decoder = new dev.cairn.monitoring.event.PredictionDecoder(new com.fasterxml.jackson.core.JsonFactory());
        var references = new dev.cairn.monitoring.reference.StoredReferences(new FilesystemArtifactStorage(store));
        for (int round = 0; round < 3; round++) {
            var monitors = new dev.cairn.monitoring.window.Monitors(
                    new dev.cairn.monitoring.window.TestWindowConfig(
                            dev.cairn.monitoring.window.WindowConfig.Kind.COUNT, 10_000, java.time.Duration.ofMinutes(15),
                            500, 50, 64, 100_000, java.time.Duration.ofHours(24), 1000), references);
            var sample = new dev.cairn.monitoring.window.PredictionSample();
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long windows = 0;
            for (int i = 0; i < events; i++) {
                if (decoder.decode(bytes.get(i % bytes.size()), sample)
                        && monitors.onPrediction(sample, 0).isPresent()) {
                    windows++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            System.out.printf("in process, one thread: decode + windows of %,d events in %.2f s = %,.0f events/s;"
                    + " %.2f s of CPU = %,.0f events per CPU-second (%d windows closed)%n", events, seconds,
                    events / seconds, cpu, events / cpu, windows);
        }
    }

    private static long produce(String bootstrap, List<String> payloads, int events) {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        props.put(ProducerConfig.ACKS_CONFIG, "1");
        long start = System.currentTimeMillis();
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < events; i++) {
                producer.send(new ProducerRecord<>("cairn.predictions", "flights", payloads.get(i % payloads.size())));
            }
            producer.flush();
        }
        return System.currentTimeMillis() - start;
    }

    private static void consume(Path app, String bootstrap, Path store, int events) throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var command = new ArrayList<String>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g"));
        String extra = System.getProperty("bench.app.jvm", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.split(" ")));
        }
        command.addAll(List.of("-jar", app.toString()));
        var builder = new ProcessBuilder(command);
        builder.environment().put("CAIRN_KAFKA_BOOTSTRAP", bootstrap);
        builder.environment().put("CAIRN_STORE_ROOT", store.toString());
        builder.environment().put("CAIRN_HTTP_PORT", String.valueOf(port));
        builder.environment().put("MP_MESSAGING_INCOMING_PREDICTIONS_AUTO_OFFSET_RESET", "earliest");
        builder.redirectErrorStream(true).redirectOutput(Path.of("target", "consume-bench-app.log").toFile());
        Process process = builder.start();
        try {
            var http = HttpClient.newHttpClient();
            var metrics = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics")).build();
            long startedAt = System.nanoTime();
            double first = 0;
            long firstAt = 0;
            long firstCpu = 0;
            double count = 0;
            long halfAt = 0;
            double half = 0;
            while (count < events) {
                Thread.sleep(500); // rendering /q/metrics costs the app CPU: poll gently
                if (System.nanoTime() - startedAt > 600e9 || !process.isAlive()) {
                    throw new IllegalStateException("monitoring consumed " + count + " events; see target/consume-bench-app.log");
                }
                count = counter(http, metrics);
                if (halfAt == 0 && count >= events / 2.0) {
                    half = count;
                    halfAt = System.nanoTime();
                }
                if (firstAt == 0 && count > 0) {
                    first = count;
                    firstAt = System.nanoTime();
                    firstCpu = cpuTicks(process.pid());
                }
            }
            double seconds = (System.nanoTime() - firstAt) / 1e9;
            double cpuSeconds = (cpuTicks(process.pid()) - firstCpu) / 100.0; // USER_HZ is 100 on Linux
            System.out.printf("monitoring consumed %,d events: %,.0f events/s (from the first counted %,.0f to %,.0f"
                    + " in %.2f s; app start to first events %.1f s)%n", events, (count - first) / seconds, first,
                    count, seconds, (firstAt - startedAt) / 1e9);
            System.out.printf("second half only (JIT warm): %,.0f events/s%n",
                    (count - half) / ((System.nanoTime() - halfAt) / 1e9));
            System.out.printf("the monitoring process used %.1f s of CPU (all threads) meanwhile: %,.0f events per"
                    + " CPU-second%n", cpuSeconds, (count - first) / cpuSeconds);
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    /** utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/PID/stat). */
    private static long cpuTicks(long pid) throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static double counter(HttpClient http, HttpRequest metrics) {
        try {
            String body = http.send(metrics, HttpResponse.BodyHandlers.ofString()).body();
            return body.lines().filter(l -> l.startsWith("cairn_monitoring_predictions_total"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        } catch (Exception notUpYet) {
            return 0;
        }
    }
}
