package dev.cairn.monitoring.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import dev.cairn.monitoring.window.PredictionSample;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PredictionDecoderTest {

    private final PredictionDecoder decoder = new PredictionDecoder(new JsonFactory());

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsThePredictionLoggedRecordAndSkipsUnknownFields() {
        // Given a record as the inference server writes it, with a field this version does not know
        var json = """
                {"version":1,"predictionId":"p-1","deploymentId":"flights","model":"delays","modelVersion":"3",
                 "modelPackage":"abc","features":{"distance":"1750","origin":"LAS","note":null},"label":"late",
                 "probabilities":{"late":0.7,"ontime":0.3},"latencyMicros":412,"endpoint":"predict",
                 "at":"2001-02-03T04:05:06.789Z","future":{"nested":[1,2]},"pod":"pod-2"}""";
        var sample = new PredictionSample();
        // When
        boolean ok = decoder.decode(bytes(json), sample);
        // Then
        assertThat(ok).isTrue();
        assertThat(sample.deploymentId).isEqualTo("flights");
        assertThat(sample.modelVersion).isEqualTo("3");
        assertThat(sample.label).isEqualTo("late");
        assertThat(sample.latencyMicros).isEqualTo(412);
        assertThat(sample.pod).isEqualTo("pod-2");
        assertThat(sample.featureNames).containsExactly("distance", "origin", "note");
        assertThat(sample.featureValues).containsExactly("1750", "LAS", null);
        assertThat(sample.atMillis).isEqualTo(Instant.parse("2001-02-03T04:05:06.789Z").toEpochMilli());
    }

    @Test
    void refusesWhatIsNotAPredictionRecord() {
        // Given
        var sample = new PredictionSample();
        // When / Then
        assertThat(decoder.decode(bytes("not json"), sample)).isFalse();
        assertThat(decoder.decode(bytes("[1,2]"), sample)).isFalse();
        assertThat(decoder.decode(bytes("{\"label\":\"late\"}"), sample)).isFalse();
    }

    @Test
    void readsEventTimesInEveryFormJacksonWrites() {
        // Given / When / Then: the hand-read fast path agrees with Instant.parse, numbers are epoch seconds
        for (String t : new String[] {"2001-01-01T00:00:00Z", "1969-12-31T23:59:59.5Z", "2026-11-23T13:19:33.123456Z",
                "2000-02-29T12:00:00.1Z", "2001-02-03T04:05:06+01:00"}) {
            assertThat(EventTime.parse(t)).as(t).isEqualTo(Instant.parse(t).toEpochMilli());
        }
        assertThat(EventTime.parse("yesterday")).isEqualTo(Long.MIN_VALUE);
    }
}
