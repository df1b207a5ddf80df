package dev.cairn.monitoring.window;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedbackJoinTest {

    @Test
    void forgetsTheOldestPredictionWhenFull() {
        // Given room for two
        var join = new FeedbackJoin(2, 60_000);
        join.remember("a", "late", 0);
        join.remember("b", "late", 0);
        // When
        join.remember("c", "ontime", 0);
        // Then
        assertThat(join.size()).isEqualTo(2);
        assertThat(join.take("a", 0)).isNull();
        assertThat(join.take("c", 0)).isEqualTo("ontime");
        assertThat(join.evicted()).isEqualTo(1);
    }

    @Test
    void expiresPredictionsWaitingLongerThanTheTtl() {
        // Given a one-second wait
        var join = new FeedbackJoin(10, 1_000);
        join.remember("a", "late", 0);
        join.remember("b", "late", 500);
        // When a later prediction arrives after a's deadline
        join.remember("c", "late", 1_200);
        // Then
        assertThat(join.size()).isEqualTo(2);
        assertThat(join.take("b", 1_400)).isEqualTo("late");
        assertThat(join.take("c", 5_000)).isNull();
    }
}
