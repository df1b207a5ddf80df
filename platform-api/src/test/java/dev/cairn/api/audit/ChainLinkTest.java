package dev.cairn.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChainLinkTest {
    private static final Instant AT = Instant.parse("2026-05-04T09:15:02.123456Z");
    private static final String PREV = "ab".repeat(32);

    private static ChainLink link(Object before, Object after) {
        return new ChainLink(7, AT, "ana", "alias.moved", "model:churn/alias:production", CanonicalJson.tree(before),
                CanonicalJson.tree(after), PREV);
    }

    private static final ChainLink BASE = link(Map.of("version", 1), Map.of("version", 2));

    @Test
    void theSameEntryAlwaysHashesTheSame() {
        // Given: the same content, keys in another order and numbers written another way (as jsonb returns them)
        var ordered = new LinkedHashMap<String, Object>();
        ordered.put("version", 2);
        ordered.put("metrics", Map.of("f1", 0.5));
        var again = new ChainLink(7, AT, "ana", "alias.moved", "model:churn/alias:production",
                CanonicalJson.parse("{\"version\": 1.0}"), CanonicalJson.parse("{\"metrics\": {\"f1\": 0.50}, \"version\": 2}"),
                PREV);
        // When
        var hash = link(Map.of("version", 1), ordered).hash();
        // Then
        assertThat(hash).isEqualTo(again.hash()).hasSize(64).matches("[0-9a-f]{64}");
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of("seq", (UnaryOperator<ChainLink>) l -> new ChainLink(8, l.at(), l.actor(), l.action(),
                        l.target(), l.before(), l.after(), l.prevHash())),
                Arguments.of("at", (UnaryOperator<ChainLink>) l -> new ChainLink(l.seq(), l.at().plusNanos(1000),
                        l.actor(), l.action(), l.target(), l.before(), l.after(), l.prevHash())),
                Arguments.of("actor", (UnaryOperator<ChainLink>) l -> new ChainLink(l.seq(), l.at(), "ada", l.action(),
                        l.target(), l.before(), l.after(), l.prevHash())),
                Arguments.of("action", (UnaryOperator<ChainLink>) l -> new ChainLink(l.seq(), l.at(), l.actor(),
                        "alias.rolled-back", l.target(), l.before(), l.after(), l.prevHash())),
                Arguments.of("target", (UnaryOperator<ChainLink>) l -> new ChainLink(l.seq(), l.at(), l.actor(),
                        l.action(), "model:churn/alias:staging", l.before(), l.after(), l.prevHash())),
                Arguments.of("before", (UnaryOperator<ChainLink>) l -> link(null, Map.of("version", 2))),
                Arguments.of("after", (UnaryOperator<ChainLink>) l -> link(Map.of("version", 1), Map.of("version", 3))),
                Arguments.of("after type", (UnaryOperator<ChainLink>) l -> link(Map.of("version", 1),
                        Map.of("version", "2"))),
                Arguments.of("prev_hash", (UnaryOperator<ChainLink>) l -> new ChainLink(l.seq(), l.at(), l.actor(),
                        l.action(), l.target(), l.before(), l.after(), ChainLink.GENESIS)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void anyChangedFieldChangesTheHash(String field, UnaryOperator<ChainLink> change) {
        // When
        var changed = change.apply(BASE);
        // Then
        assertThat(changed.hash()).isNotEqualTo(BASE.hash());
    }

    @Test
    void hashesTheDocumentedCanonicalForm() {
        // When
        var canonical = BASE.canonical();
        // Then
        assertThat(canonical).isEqualTo("{\"action\":\"alias.moved\",\"actor\":\"ana\",\"after\":{\"version\":2},"
                + "\"at\":\"2026-05-04T09:15:02.123456Z\",\"before\":{\"version\":1},\"prev_hash\":\"" + PREV
                + "\",\"seq\":7,\"target\":\"model:churn/alias:production\"}");
        assertThat(BASE.hash()).isEqualTo(dev.cairn.api.TestData.sha256(
                canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void keepsTimeAtTheMicrosecondsTheDatabaseStores() {
        // Given
        var nanos = new ChainLink(1, Instant.parse("2026-05-04T09:15:02.000000999Z"), "ana", "a", "t", null, null,
                ChainLink.GENESIS);
        // When
        var canonical = nanos.canonical();
        // Then
        assertThat(canonical).contains("\"at\":\"2026-05-04T09:15:02.000000Z\"").contains("\"before\":null");
    }
}
