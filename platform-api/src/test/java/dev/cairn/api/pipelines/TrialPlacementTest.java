package dev.cairn.api.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TrialPlacementTest {
    /** Two workers of the usual layout: a owns partitions 0 and 1, b owns 2 and 3. */
    private static final Map<Integer, String> TWO_WORKERS = Map.of(0, "a", 1, "a", 2, "b", 3, "b");

    @Test
    void withNothingKnownEveryFreePartitionTakesATrialOnce() {
        var placement = new TrialPlacement(4, Map.of(), List.of());
        for (int expected = 0; expected < 4; expected++) {
            var p = placement.next(false);
            assertEquals(OptionalInt.of(expected), p);
            placement.placed(p.getAsInt());
        }
        assertEquals(OptionalInt.empty(), placement.next(false), "all four partitions have a trial in flight");
    }

    @Test
    void anIdleWorkersPartitionComesFirstThenABusyOnesFreePartition() {
        // a runs a trial on partition 0; b is idle
        var placement = new TrialPlacement(4, TWO_WORKERS, List.of(0));
        var p = placement.next(false);
        assertEquals(OptionalInt.of(2), p, "b's first partition, not a's free partition 1");
        placement.placed(p.getAsInt());
        // both busy now: a free partition still takes a trial, to wait behind one trial at most
        assertEquals(OptionalInt.of(1), placement.next(false));
        placement.placed(1);
        assertEquals(OptionalInt.of(3), placement.next(false));
        placement.placed(3);
        assertEquals(OptionalInt.empty(), placement.next(false), "every partition has a trial in flight");
    }

    @Test
    void knownIdleWorkersComeBeforePartitionsNobodyHasBeenSeenOn() {
        // a, idle, was last seen on partition 3; nobody has been seen on 0..2 yet
        var placement = new TrialPlacement(4, Map.of(3, "a"), List.of());
        assertEquals(OptionalInt.of(3), placement.next(false));
    }

    @Test
    void aSearchWithNothingInFlightAlwaysPlacesOnTheLeastLoadedPartition() {
        // every partition busy with other searches' trials, partition 1 the least
        var placement = new TrialPlacement(4, TWO_WORKERS, List.of(0, 0, 1, 2, 2, 3, 3));
        assertEquals(OptionalInt.empty(), placement.next(false));
        assertEquals(OptionalInt.of(1), placement.next(true));
    }

    @Test
    void partitionsBeyondTheCountWrapAroundAndACountBelowOneIsRefused() {
        var placement = new TrialPlacement(2, Map.of(), List.of(2, 3));
        assertEquals(OptionalInt.empty(), placement.next(false));
        assertThrows(IllegalArgumentException.class, () -> new TrialPlacement(0, Map.of(), List.of()));
    }
}
