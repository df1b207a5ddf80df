package dev.cairn.api.pipelines.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Asynchronous successive halving (the rule of ASHA, Li et al., 2020): every configuration starts on
 * the smallest budget (rung 0); whenever a worker is free, a configuration in the best 1/eta of its
 * rung's finished trials that has not gone up yet is trained again with eta times the budget; only
 * when none qualifies does a new configuration start. No rung waits for stragglers, so trials keep
 * every worker busy, and a search is a pure function of the trials recorded so far.
 *
 * @param budgets the budget of each rung, rising: {@code min, min·eta, min·eta², ..., max}
 */
public record SuccessiveHalving(List<Integer> budgets, int eta) {

    /** A trial's place in the search: the configuration it trains, on which rung, and its score once done. */
    public record Entry(int config, int rung, Double score) {
    }

    public record Promotion(int config, int rung) {
    }

    public static SuccessiveHalving of(int min, int max, int eta) {
        var budgets = new ArrayList<Integer>();
        for (long b = min; b < max; b *= eta) {
            budgets.add((int) b);
        }
        budgets.add(max);
        return new SuccessiveHalving(List.copyOf(budgets), eta);
    }

    /** Without early stopping: one rung, every configuration trained once on its own parameters. */
    public static SuccessiveHalving none() {
        return new SuccessiveHalving(List.of(), 1);
    }

    public int rungs() {
        return Math.max(1, budgets.size());
    }

    /** The configuration to train next on a higher rung, if one has earned it; the highest rung first. */
    public Optional<Promotion> promotion(List<Entry> entries) {
        for (int rung = rungs() - 2; rung >= 0; rung--) {
            int r = rung;
            Set<Integer> above = entries.stream().filter(e -> e.rung() == r + 1).map(Entry::config)
                    .collect(Collectors.toSet());
            var done = entries.stream().filter(e -> e.rung() == r && e.score() != null)
                    .sorted(Comparator.comparingDouble(Entry::score).reversed().thenComparingInt(Entry::config))
                    .toList();
            var candidate = done.subList(0, done.size() / eta).stream().filter(e -> !above.contains(e.config()))
                    .findFirst();
            if (candidate.isPresent()) {
                return Optional.of(new Promotion(candidate.get().config(), r + 1));
            }
        }
        return Optional.empty();
    }

    /** The best finished entry on the highest rung any entry finished on: scores on lower budgets do not compete. */
    public static Optional<Entry> best(List<Entry> entries) {
        return entries.stream().filter(e -> e.score() != null)
                .max(Comparator.comparingInt(Entry::rung).thenComparingDouble(Entry::score)
                        .thenComparing(Comparator.comparingInt(Entry::config).reversed()));
    }
}
