package dev.cairn.monitoring.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cairn.monitoring.window.PredictionSample;
import java.io.IOException;

/**
 * Reads a {@code cairn.predictions} record ({@code dev.cairn.contracts.PredictionLogged} as JSON) with Jackson's
 * streaming parser into a reused {@link PredictionSample}: no tree, no map, no record per event. Unknown fields are
 * skipped, as the contract asks. Besides the contract's fields it reads two optional ones a server may add:
 * {@code pod} (which replica answered) and {@code error} (true for a failed request), for the health figures.
 */
public final class PredictionDecoder {

    private final JsonFactory factory;

    public PredictionDecoder(JsonFactory factory) {
        this.factory = factory;
    }

    /** @return false when the bytes are not a prediction record; the sample is then undefined */
    public boolean decode(byte[] json, PredictionSample sample) {
        sample.clear();
        if (json == null) {
            return false;
        }
        try (JsonParser p = factory.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                field(p, field, sample);
            }
            return sample.deploymentId != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void field(JsonParser p, String field, PredictionSample sample) throws IOException {
        switch (field) {
            case "predictionId" -> sample.predictionId = text(p);
            case "deploymentId" -> sample.deploymentId = text(p);
            case "modelVersion" -> sample.modelVersion = text(p);
            case "modelPackage" -> sample.modelPackage = text(p);
            case "label" -> sample.label = text(p);
            case "latencyMicros" -> sample.latencyMicros = p.currentToken().isNumeric() ? p.getLongValue() : -1;
            case "at" -> sample.atMillis = EventTime.parse(p);
            case "pod" -> sample.pod = text(p);
            case "error" -> sample.error = p.currentToken() == JsonToken.VALUE_TRUE;
            case "features" -> features(p, sample);
            default -> p.skipChildren();
        }
    }

    private static void features(JsonParser p, PredictionSample sample) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            sample.featureNames.add(p.currentName());
            p.nextToken();
            sample.featureValues.add(text(p));
        }
    }

    /** Strings as they are, numbers as their text (the contract sends cells as strings; a lenient writer may not). */
    private static String text(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t.isScalarValue()) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }
}
