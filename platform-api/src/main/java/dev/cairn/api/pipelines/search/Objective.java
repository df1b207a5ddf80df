package dev.cairn.api.pipelines.search;

import dev.cairn.contracts.PipelineSpec;
import java.util.Locale;
import java.util.Set;

/**
 * What a search optimises: a validation metric and whether lower or higher is better. Proposers and
 * successive halving only ever maximise a score; {@link #score} turns a metric into that score, so one
 * search engine serves accuracy-like metrics and errors alike.
 */
public record Objective(String metric, Direction direction) {

    /** Errors: the smaller, the better. Every other metric we measure is better higher. */
    static final Set<String> LOWER_IS_BETTER = Set.of("rmse", "mae", "mse", "log_loss");

    public enum Direction {
        MAXIMIZE, MINIMIZE;

        /** As the spec writes it: {@code maximize}, {@code minimize}. */
        public String specName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @return null for anything but {@code maximize} or {@code minimize} */
        public static Direction bySpecName(String name) {
            for (Direction d : values()) {
                if (d.specName().equals(name)) {
                    return d;
                }
            }
            return null;
        }
    }

    /** The direction a metric's meaning implies: errors are minimised, the rest maximised. */
    public static Direction natural(String metric) {
        return LOWER_IS_BETTER.contains(metric) ? Direction.MINIMIZE : Direction.MAXIMIZE;
    }

    /** The spec's objective; a spec saved before {@code direction} existed gets the metric's natural one. */
    public static Objective of(PipelineSpec.Search search) {
        Direction given = Direction.bySpecName(search.direction());
        return new Objective(search.objective(), given != null ? given : natural(search.objective()));
    }

    /** The value a search compares: higher is better whichever the direction (a minimised error is negated). */
    public double score(double value) {
        return direction == Direction.MINIMIZE ? -value : value;
    }
}
