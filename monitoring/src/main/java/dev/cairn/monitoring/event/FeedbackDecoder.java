package dev.cairn.monitoring.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Optional;

/** Reads a {@code cairn.feedback} record ({@code dev.cairn.contracts.FeedbackGiven} as JSON), skipping unknown fields. */
public final class FeedbackDecoder {

    /** The fields monitoring uses. */
    public record Feedback(String deploymentId, String predictionId, String label) {
    }

    private final JsonFactory factory;

    public FeedbackDecoder(JsonFactory factory) {
        this.factory = factory;
    }

    public Optional<Feedback> decode(byte[] json) {
        if (json == null) {
            return Optional.empty();
        }
        String deployment = null;
        String prediction = null;
        String label = null;
        try (JsonParser p = factory.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                String text = value.isScalarValue() && value != JsonToken.VALUE_NULL ? p.getText() : null;
                p.skipChildren();
                switch (field) {
                    case "deploymentId" -> deployment = text;
                    case "predictionId" -> prediction = text;
                    case "label" -> label = text;
                    default -> {
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return deployment == null || prediction == null || label == null
                ? Optional.empty()
                : Optional.of(new Feedback(deployment, prediction, label));
    }
}
