package dev.cairn.api.pipelines.search;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Chooses the parameters of the next trial. Deterministic: the same trial number, seed and history
 * give the same proposal, so a control plane that restarts mid-search proposes what it would have.
 */
public interface Proposer {

    /**
     * @param number the trial's number, from 0
     * @param history finished trials, in trial-number order
     */
    Map<String, Object> propose(int number, List<Observation> history);

    static Proposer of(String strategy, SearchSpace space, long seed, int trials) {
        return switch (strategy) {
            case "grid" -> new GridProposer(space);
            case "random" -> new RandomProposer(space, seed);
            case "tpe" -> new TpeProposer(space, seed, trials);
            default -> throw new IllegalArgumentException("unknown search strategy " + strategy);
        };
    }

    /** One generator per trial, derived from the search's seed, so trials do not depend on each other's draws. */
    static SplittableRandom randomFor(long seed, int number) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + number);
    }
}
