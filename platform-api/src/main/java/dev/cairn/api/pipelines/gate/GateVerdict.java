package dev.cairn.api.pipelines.gate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a gate decided.
 *
 * @param failures each failed comparison with its numbers, e.g. {@code f1_macro 0.72 < 0.80}; empty when passed
 * @param notes comparisons that were skipped, and why (an alias nobody holds yet)
 */
public record GateVerdict(String gate, boolean passed, List<String> failures, List<String> notes) {

    /** The run's reason when the gate failed: {@code gate failed: f1_macro 0.72 < 0.80}. */
    public String reason() {
        return "gate failed: " + String.join("; ", failures);
    }

    /** As the register step's report shows it. */
    public Map<String, Object> report() {
        var report = new LinkedHashMap<String, Object>();
        report.put("expression", gate);
        report.put("passed", passed);
        report.put("failures", failures);
        report.put("notes", notes);
        return report;
    }
}
