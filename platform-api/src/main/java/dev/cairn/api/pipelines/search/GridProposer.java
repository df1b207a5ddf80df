package dev.cairn.api.pipelines.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every combination in turn; the parameter last by name changes fastest. */
final class GridProposer implements Proposer {
    private final SearchSpace space;

    GridProposer(SearchSpace space) {
        this.space = space;
    }

    @Override
    public Map<String, Object> propose(int number, List<Observation> history) {
        var params = new LinkedHashMap<String, Object>();
        long rest = number;
        var dimensions = space.dimensions();
        var values = new Object[dimensions.size()];
        for (int i = dimensions.size() - 1; i >= 0; i--) {
            var grid = dimensions.get(i).grid();
            values[i] = grid.get((int) (rest % grid.size()));
            rest /= grid.size();
        }
        for (int i = 0; i < dimensions.size(); i++) {
            params.put(dimensions.get(i).name(), values[i]);
        }
        return params;
    }
}
