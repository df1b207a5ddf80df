package dev.cairn.api.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the runs table shows: filters, sort and page, as they appear in the URL (so a view can be bookmarked and
 * shared). Sort keys are a closed set, or {@code metric:<key>}; everything reaches SQL as a bound parameter or a
 * whitelisted column.
 *
 * @param where a metric condition such as {@code accuracy >= 0.9}
 */
public record RunFilter(String experiment, String status, String q, String where, String sort, boolean ascending,
        int page, int size) {
    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;
    static final Set<String> STATUSES = Set.of("RUNNING", "FINISHED", "FAILED", "KILLED");
    static final Map<String, String> COLUMNS = Map.of("start", "r.start_time", "end", "r.end_time", "status",
            "r.status", "experiment", "e.name", "name", "r.name", "user", "r.created_by");
    private static final String METRIC = "metric:";
    private static final Pattern CONDITION = Pattern.compile("\\s*([A-Za-z0-9_./-]{1,250})\\s*(>=|<=|>|<|=)\\s*"
            + "(-?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)\\s*");

    /** A metric condition of {@link #where}, parsed; empty when there is none or it does not parse. */
    public record Condition(String metric, String operator, double value) {
    }

    static RunFilter of(String experiment, String status, String q, String where, String sort, String dir, Integer page,
            Integer size) {
        String sortKey = sort == null || !(COLUMNS.containsKey(sort) || sort.startsWith(METRIC)) ? "start" : sort;
        boolean ascending = dir == null ? false : dir.equalsIgnoreCase("asc");
        int pageSize = size == null ? DEFAULT_SIZE : Math.max(1, Math.min(MAX_SIZE, size));
        return new RunFilter(blank(experiment), status == null || !STATUSES.contains(status) ? null : status, blank(q),
                blank(where), sortKey, ascending, page == null ? 0 : Math.max(0, page), pageSize);
    }

    Optional<Condition> condition() {
        if (where == null) {
            return Optional.empty();
        }
        var match = CONDITION.matcher(where);
        return match.matches()
                ? Optional.of(new Condition(match.group(1), match.group(2), Double.parseDouble(match.group(3))))
                : Optional.empty();
    }

    /** The metric key the table is sorted by, if it is sorted by a metric. */
    Optional<String> sortMetric() {
        return sort.startsWith(METRIC) ? Optional.of(sort.substring(METRIC.length())) : Optional.empty();
    }

    String sortColumn() {
        return sortMetric().isPresent() ? "m.value" : COLUMNS.get(sort);
    }

    RunFilter withPage(int newPage) {
        return new RunFilter(experiment, status, q, where, sort, ascending, newPage, size);
    }

    /** Clicking a sorted column's header flips its direction; another column starts descending (newest, best). */
    RunFilter sortedBy(String key) {
        boolean flip = key.equals(sort) && !ascending;
        return new RunFilter(experiment, status, q, where, key, flip, 0, size);
    }

    String query() {
        var parameters = new LinkedHashMap<String, String>();
        parameters.put("experiment", experiment);
        parameters.put("status", status);
        parameters.put("q", q);
        parameters.put("where", where);
        parameters.put("sort", sort);
        parameters.put("dir", ascending ? "asc" : "desc");
        parameters.put("page", String.valueOf(page));
        parameters.put("size", String.valueOf(size));
        var query = new StringBuilder();
        parameters.forEach((key, value) -> {
            if (value != null) {
                query.append(query.isEmpty() ? "" : "&").append(key).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    String likePattern() {
        return "%" + q.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
