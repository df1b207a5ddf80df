package dev.cairn.api.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.contracts.StepName;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepCacheKeyTest {
    private static final String BASE = """
            name: churn
            dataset: churn
            target: churn
            steps:
              clean: { missing: impute-median }
              split: { test: 0.2, validation: 0.1, seed: 42 }
              train: { algorithm: cart, params: { max_depth: 4 } }
            """;
    private static final Map<String, String> INPUTS = Map.of("dataset", "a".repeat(64));

    private static String key(String yaml, StepName step, Map<String, String> inputs, String version) {
        var valid = SpecFixtures.valid(yaml);
        var run = PipelineRun.submit(valid.spec(), valid.dataset(), yaml, "ana");
        return StepCacheKey.of(run, run.step(step), inputs, version);
    }

    @Test
    void theSameStepSettingsInputsAndCodeGiveTheSameKeyInAnotherRun() {
        // When
        var first = key(BASE, StepName.CLEAN, INPUTS, "1.0");
        var second = key(BASE, StepName.CLEAN, INPUTS, "1.0");
        // Then
        assertThat(first).isEqualTo(second).hasSize(64);
    }

    @Test
    void aLaterStepsSettingsDoNotChangeAnEarlierStepsKey() {
        // When
        var clean = key(BASE.replace("max_depth: 4", "max_depth: 8"), StepName.CLEAN, INPUTS, "1.0");
        var split = key(BASE.replace("max_depth: 4", "max_depth: 8"), StepName.SPLIT, INPUTS, "1.0");
        // Then
        assertThat(clean).isEqualTo(key(BASE, StepName.CLEAN, INPUTS, "1.0"));
        assertThat(split).isEqualTo(key(BASE, StepName.SPLIT, INPUTS, "1.0"));
    }

    @Test
    void ownSettingsInputsAndCodeVersionEachChangeTheKey() {
        // Given
        var base = key(BASE, StepName.TRAIN, INPUTS, "1.0");
        // When
        var params = key(BASE.replace("max_depth: 4", "max_depth: 8"), StepName.TRAIN, INPUTS, "1.0");
        var seed = key(BASE.replace("seed: 42", "seed: 7"), StepName.TRAIN, INPUTS, "1.0");
        var inputs = key(BASE, StepName.TRAIN, Map.of("dataset", "b".repeat(64)), "1.0");
        var code = key(BASE, StepName.TRAIN, INPUTS, "1.1");
        // Then
        assertThat(java.util.Set.of(base, params, seed, inputs, code)).hasSize(5);
    }

    @Test
    void theGateAndTheCacheFlagsAreNotPartOfTheKey() {
        // When
        var gated = key(BASE + "  evaluate: { gate: \"f1_macro > 0.5\" }\ncache: false\n", StepName.EVALUATE, INPUTS,
                "1.0");
        // Then
        assertThat(gated).isEqualTo(key(BASE, StepName.EVALUATE, INPUTS, "1.0"));
    }
}
