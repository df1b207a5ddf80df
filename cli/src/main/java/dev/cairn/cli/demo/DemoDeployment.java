package dev.cairn.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.cli.api.CairnClient;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo's last act: the registered model becomes production, is deployed, and answers a customer of the demo
 * data through its endpoint, as a client of the deployment would call it.
 */
final class DemoDeployment {
    static final String NAME = "churn-demo";
    private static final String ALIAS = "production";

    private final CairnClient client;
    private final PrintStream out;
    private final ObjectMapper json = new ObjectMapper();

    DemoDeployment(CairnClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    void deployAndPredict(String model, int version, Path csv) throws IOException, InterruptedException {
        client.pointAlias(model, ALIAS, version);
        out.println("Deploying " + model + "@" + ALIAS + " (version " + version + ") as " + NAME + " ...");
        long start = System.nanoTime();
        var existing = client.deployment(NAME);
        var deployment = existing.isPresent() ? client.syncDeployment(NAME) : client.deploy(NAME, model, ALIAS, 1);
        var answer = predict(deployment.endpoint(), firstCustomer(csv));
        out.printf("  %s serves version %d at %s (deploy to first prediction %.1f s)%n", deployment.name(),
                deployment.version(), deployment.endpoint(), (System.nanoTime() - start) / 1e9);
        out.println("  POST " + deployment.endpoint() + "/predict -> label " + answer.path("label").asText()
                + ", probabilities " + answer.path("probabilities") + ", prediction " + answer.path("predictionId").asText());
    }

    /**
     * The first row of the demo data without its target: what a client would send. The demo file quotes its text
     * cells and holds no commas or quotes inside them, so a split on commas reads it.
     */
    private static Map<String, String> firstCustomer(Path csv) throws IOException {
        try (var lines = Files.lines(csv)) {
            var firstTwo = lines.limit(2).toList();
            String[] header = firstTwo.get(0).split(",", -1);
            String[] cells = firstTwo.get(1).split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                String cell = unquote(cells[i]);
                row.put(unquote(header[i]), "NA".equals(cell) ? null : cell);
            }
            row.remove("churn");
            return row;
        }
    }

    private static String unquote(String cell) {
        return cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"") ? cell.substring(1, cell.length() - 1)
                : cell;
    }

    private JsonNode predict(String endpoint, Map<String, String> features) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(endpoint + "/predict")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("features", features))))
                .build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("The deployment answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }
}
