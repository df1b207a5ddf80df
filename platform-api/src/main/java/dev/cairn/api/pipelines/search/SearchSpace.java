package dev.cairn.api.pipelines.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The parameters a search varies, read from the spec's {@code space}: {@code {min, max, log}} is a real
 * range, {@code [a, b]} with two whole numbers a range of whole numbers, {@code {choices: [...]}} a list of
 * values (a value may itself be a list of whole numbers: the MLP's {@code layers}). Parameters are ordered by name,
 * not as written: the spec comes back from PostgreSQL's jsonb with its keys reordered, and a grid or a seeded draw
 * must enumerate the same way before and after that.
 */
public record SearchSpace(List<Dimension> dimensions) {
    private static final Set<String> RANGE_KEYS = Set.of("min", "max", "log");
    static final int MAX_GRID = 10_000;

    /**
     * @param complaint receives (parameter name, message) for each problem; the returned space holds the
     *        dimensions that were valid
     */
    public static SearchSpace parse(Map<String, Object> raw, BiConsumer<String, String> complaint) {
        var dimensions = new ArrayList<Dimension>();
        new java.util.TreeMap<>(raw).forEach((name, value) -> {
            var dimension = dimension(name, value, complaint);
            if (dimension != null) {
                dimensions.add(dimension);
            }
        });
        return new SearchSpace(List.copyOf(dimensions));
    }

    /** How many points a grid search has: every combination; capped at {@link Long#MAX_VALUE}. */
    public long gridSize() {
        long size = 1;
        for (var d : dimensions) {
            long points = d instanceof Dimension.IntRange r ? r.size() : d.grid().size();
            try {
                size = Math.multiplyExact(size, points);
            } catch (ArithmeticException tooMany) {
                return Long.MAX_VALUE;
            }
        }
        return size;
    }

    public List<String> names() {
        return dimensions.stream().map(Dimension::name).toList();
    }

    private static Dimension dimension(String name, Object value, BiConsumer<String, String> complaint) {
        if (value instanceof List<?> list) {
            if (list.size() == 2 && whole(list.get(0)) && whole(list.get(1))) {
                long a = ((Number) list.get(0)).longValue();
                long b = ((Number) list.get(1)).longValue();
                if (a > b) {
                    complaint.accept(name, "[a, b] needs a <= b; got [" + a + ", " + b + "]");
                    return null;
                }
                return new Dimension.IntRange(name, a, b);
            }
            complaint.accept(name, "a list is a range of whole numbers [a, b]; for a list of values write "
                    + "{choices: [...]}");
            return null;
        }
        if (value instanceof Map<?, ?> map && map.containsKey("choices")) {
            return choices(name, map, complaint);
        }
        if (value instanceof Map<?, ?> map && map.containsKey("min") && map.containsKey("max")
                && RANGE_KEYS.containsAll(map.keySet())) {
            return range(name, map, complaint);
        }
        complaint.accept(name, "must be {min: a, max: b, log: true|false} (real numbers), [a, b] (whole numbers) "
                + "or {choices: [...]}");
        return null;
    }

    private static Dimension choices(String name, Map<?, ?> map, BiConsumer<String, String> complaint) {
        if (map.size() != 1 || !(map.get("choices") instanceof List<?> values) || values.isEmpty()) {
            complaint.accept(name, "{choices: [...]} needs a non-empty list and nothing else");
            return null;
        }
        if (values.stream().anyMatch(v -> !(v instanceof Number || v instanceof String || v instanceof Boolean
                || wholeNumbers(v)))) {
            complaint.accept(name, "choices must be numbers, strings, booleans or lists of whole numbers "
                    + "(the MLP's layers, e.g. [[64], [64, 32]])");
            return null;
        }
        return new Dimension.Choices(name, List.copyOf(values));
    }

    private static Dimension range(String name, Map<?, ?> map, BiConsumer<String, String> complaint) {
        if (!(map.get("min") instanceof Number min) || !(map.get("max") instanceof Number max)
                || !Double.isFinite(min.doubleValue()) || !Double.isFinite(max.doubleValue())) {
            complaint.accept(name, "min and max must be numbers");
            return null;
        }
        Object log = map.get("log");
        if (log != null && !(log instanceof Boolean)) {
            complaint.accept(name, "log must be true or false");
            return null;
        }
        boolean isLog = Boolean.TRUE.equals(log);
        if (!(min.doubleValue() < max.doubleValue())) {
            complaint.accept(name, "min must be less than max; got " + min + " and " + max);
            return null;
        }
        if (isLog && min.doubleValue() <= 0) {
            complaint.accept(name, "a log range needs min > 0; got " + min);
            return null;
        }
        return new Dimension.RealRange(name, min.doubleValue(), max.doubleValue(), isLog);
    }

    /** A list of whole numbers, such as an MLP's hidden layer widths: a choice as a whole, never varied within. */
    private static boolean wholeNumbers(Object value) {
        return value instanceof List<?> list && list.stream().allMatch(SearchSpace::whole);
    }

    private static boolean whole(Object value) {
        return (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger)
                && ((Number) value).doubleValue() == ((Number) value).longValue();
    }
}
