package dev.cairn.api.pipelines.search;

import java.util.Map;

/**
 * A finished trial as a proposer sees it.
 *
 * @param score the objective, turned so that higher is better (errors such as rmse are negated)
 */
public record Observation(int number, Map<String, Object> params, double score) {
}
