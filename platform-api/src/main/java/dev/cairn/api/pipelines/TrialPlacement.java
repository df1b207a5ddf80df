package dev.cairn.api.pipelines;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Chooses the partition of {@code cairn.tasks} for a search's next trial, so that it goes to an idle worker.
 * <p>
 * Why: in a consumer group each partition belongs to one worker, which takes its records one at a time. Keyed by
 * task id, trials hash onto partitions at random, so a worker can get a queue of several trials while another
 * idles (16 trials over 4 partitions, two workers with 2 partitions each). Here a trial only goes to a partition
 * with nothing in flight, so a worker never holds more trials than it has partitions; among the free partitions,
 * those of an idle worker come first. Which worker owns a partition is learnt from the trials started on it (the
 * newest start wins, so a rebalance is learnt at the next start there). Ownership only orders the choice: a stale
 * guess (a worker that has since died) costs a short queue, never a trial left unsent.
 * <p>
 * A search with nothing in flight always places its next trial ({@code mustPlace}), on the least loaded partition
 * if none is free; every later result calls the scheduler again.
 */
final class TrialPlacement {
    private final int partitions;
    private final Map<Integer, String> owners;
    private final int[] inFlight;

    /**
     * @param owners            partition to the worker that most recently started a trial there
     * @param inFlightPartitions the partition of every trial in flight, of every search
     */
    TrialPlacement(int partitions, Map<Integer, String> owners, Collection<Integer> inFlightPartitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic has at least one partition, not " + partitions);
        }
        this.partitions = partitions;
        this.owners = Map.copyOf(owners);
        this.inFlight = new int[partitions];
        inFlightPartitions.forEach(p -> inFlight[Math.floorMod(p, partitions)]++);
    }

    /** Where the trials of every search are now, read from the database. */
    static TrialPlacement now(int partitions) {
        List<Integer> inFlight = SearchTrial.getEntityManager().createQuery("""
                select t.partition from SearchTrial t
                where t.partition is not null and t.state in (:open) and t.run.state not in (:over)""", Integer.class)
                .setParameter("open", List.of(RunState.PENDING, RunState.RUNNING))
                .setParameter("over", List.of(RunState.SUCCEEDED, RunState.FAILED, RunState.CANCELLED))
                .getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = SearchTrial.getEntityManager().createNativeQuery("""
                select distinct on (task_partition) task_partition, worker from search_trial
                where task_partition is not null and worker is not null
                  and started_at > now() - interval '1 hour'
                order by task_partition, started_at desc""").getResultList();
        var owners = new java.util.HashMap<Integer, String>();
        rows.forEach(r -> owners.put(((Number) r[0]).intValue(), (String) r[1]));
        return new TrialPlacement(partitions, owners, inFlight);
    }

    /**
     * The partition for the next trial: a free one (nothing in flight), those of known idle workers first, then
     * those nobody has been seen on, then those of busy workers (the trial waits there for at most the one trial
     * in flight before it, instead of sitting idle in the outbox); empty when no partition is free.
     *
     * @param mustPlace the search has nothing in flight, so it must send a trial somewhere or it would stall
     */
    OptionalInt next(boolean mustPlace) {
        var busy = busyWorkers();
        var free = IntStream.range(0, partitions).filter(p -> inFlight[p] == 0).boxed()
                .min(Comparator.comparingInt((Integer p) -> rank(owners.get(p), busy)).thenComparingInt(p -> p));
        if (free.isPresent()) {
            return OptionalInt.of(free.get());
        }
        if (!mustPlace) {
            return OptionalInt.empty();
        }
        return IntStream.range(0, partitions).boxed().min(Comparator.comparingInt((Integer p) -> inFlight[p]))
                .map(OptionalInt::of).orElseThrow();
    }

    /** 0: the owner is known and idle, the trial starts at once; 1: owner unknown; 2: the owner is busy. */
    private static int rank(String owner, Set<String> busy) {
        return owner == null ? 1 : busy.contains(owner) ? 2 : 0;
    }

    /** Records that a trial was just sent to {@code partition}. */
    void placed(int partition) {
        inFlight[partition]++;
    }

    /** Workers with a trial in flight on one of their partitions, running or queued. */
    private Set<String> busyWorkers() {
        var busy = new HashSet<String>();
        for (int p = 0; p < partitions; p++) {
            if (inFlight[p] > 0 && owners.get(p) != null) {
                busy.add(owners.get(p));
            }
        }
        return busy;
    }
}
