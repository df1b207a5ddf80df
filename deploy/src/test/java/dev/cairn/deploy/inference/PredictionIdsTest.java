package dev.cairn.deploy.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PredictionIdsTest {

    @Test
    void makesDistinctVersion4Uuids() {
        // When
        var ids = new HashSet<String>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(PredictionIds.next());
        }
        // Then
        assertThat(ids).hasSize(100_000);
        UUID one = UUID.fromString(ids.iterator().next());
        assertThat(one.version()).isEqualTo(4);
        assertThat(one.variant()).isEqualTo(2);
    }
}
