package dev.cairn.api.pipelines.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Each parameter drawn independently: uniformly, log-uniformly on log ranges. */
final class RandomProposer implements Proposer {
    private final SearchSpace space;
    private final long seed;

    RandomProposer(SearchSpace space, long seed) {
        this.space = space;
        this.seed = seed;
    }

    @Override
    public Map<String, Object> propose(int number, List<Observation> history) {
        var random = Proposer.randomFor(seed, number);
        var params = new LinkedHashMap<String, Object>();
        space.dimensions().forEach(d -> params.put(d.name(), d.sample(random)));
        return params;
    }
}
