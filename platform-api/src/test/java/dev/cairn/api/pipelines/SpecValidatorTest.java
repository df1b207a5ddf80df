package dev.cairn.api.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cairn.api.problem.Problem.FieldError;
import dev.cairn.contracts.ColumnType;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecValidatorTest {

    @Test
    void fillsDefaultsAndPinsTheDatasetVersion() {
        // Given
        var yaml = """
                name: churn
                dataset: churn
                target: churn
                steps:
                  train: { algorithm: cart }
                """;
        // When
        var valid = SpecFixtures.valid(yaml);
        // Then
        var spec = valid.spec();
        assertThat(spec.dataset()).isEqualTo("churn@3");
        assertThat(spec.steps().clean().missing()).isEqualTo("impute-median");
        assertThat(spec.steps().split().test()).isEqualTo(0.2);
        assertThat(spec.steps().split().stratify()).isTrue();
        assertThat(spec.steps().split().seed()).isEqualTo(42L);
        assertThat(spec.steps().register().model()).isEqualTo("churn");
        assertThat(spec.steps().evaluate().metrics()).contains("f1_macro", "roc_auc");
    }

    @Test
    void fillsSearchDefaultsAndResolvesCachingPerStep() {
        // Given
        var yaml = """
                name: churn
                dataset: churn
                target: churn
                steps:
                  split: { validation: 0.2, seed: 9 }
                  train:
                    algorithm: logistic-regression
                    cache: false
                    search:
                      strategy: grid
                      space: { epochs: [1, 3], learning_rate: { min: 0.01, max: 1, log: true } }
                """;
        // When
        var spec = SpecFixtures.valid(yaml).spec();
        // Then: a grid of 3 x 5 points, every one of them tried
        var search = spec.steps().train().search();
        assertThat(search.trials()).isEqualTo(15);
        assertThat(search.parallelism()).isEqualTo(2);
        assertThat(search.objective()).isEqualTo("f1_macro");
        assertThat(search.seed()).isEqualTo(9L);
        assertThat(spec.cache()).containsEntry("clean", true).containsEntry("train", false);
        assertThat(spec.cacheable(dev.cairn.contracts.StepName.SPLIT)).isTrue();
        assertThat(spec.cacheable(dev.cairn.contracts.StepName.TRAIN)).isFalse();
    }

    @Test
    void earlyStoppingNeedsABudgetParameterThatIsNotSearched() {
        // Given
        var yaml = """
                name: churn
                dataset: churn
                target: churn
                cache: false
                steps:
                  split: { validation: 0.2 }
                  train:
                    algorithm: logistic-regression
                    search:
                      space: { epochs: [1, 3] }
                      early_stopping: { budget: epochs, min: 1, max: 9, eta: 1 }
                  evaluate: { metrics: [accuracy], gate: "f1_macro > 0.5 and accuracy > production.auc" }
                """;
        // When
        var problem = catchThrowableOfType(InvalidSpecException.class, () -> SpecFixtures.valid(yaml));
        // Then
        assertThat(problem.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                "steps.train.search.early_stopping.budget", "steps.train.search.early_stopping.eta",
                "steps.evaluate.gate", "steps.evaluate.gate");
        assertThat(problem.errors()).extracting(FieldError::message).anySatisfy(
                m -> assertThat(m).isEqualTo("'f1_macro' is not among the evaluated metrics (accuracy)"));
    }

    @Test
    void readsTheDeployStepAsTheDesignWritesIt() {
        // Given
        var yaml = """
                name: churn
                dataset: churn
                target: churn
                steps:
                  train: { algorithm: cart }
                  deploy: { strategy: canary, steps: [10, 50, 100], analysis: { max_error_rate: 0.01, max_p99_ms: 50, interval: 30s } }
                """;
        // When
        var deploy = SpecFixtures.valid(yaml).spec().steps().deploy();
        // Then
        assertThat(deploy).isEqualTo(new dev.cairn.contracts.PipelineSpec.DeployStep("canary", List.of(10, 50, 100),
                null, 0.01, 50.0, null, null, null, 30_000L));
    }

    @Test
    void refusesADeployStepThatCannotFinishOrHasNoSenseLimits() {
        // Given
        var yaml = """
                name: churn
                dataset: churn
                target: churn
                steps:
                  train: { algorithm: cart }
                  deploy: { strategy: rainbow, steps: [50, 10], analysis: { max_error_rate: 2, interval: soon } }
                """;
        // When
        var problem = catchThrowableOfType(InvalidSpecException.class, () -> SpecFixtures.valid(yaml));
        // Then
        assertThat(problem.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                "steps.deploy.strategy", "steps.deploy.steps", "steps.deploy.analysis.max_error_rate",
                "steps.deploy.analysis.interval");
    }

    @Test
    void appliesColumnTypeOverridesToTheSchemaSentToWorkers() {
        // Given
        var yaml = """
                name: churn
                dataset: churn@3
                target: churn
                columns: { tenure: categorical }
                steps: { train: { algorithm: logistic-regression } }
                """;
        // When
        var valid = SpecFixtures.valid(yaml);
        // Then
        assertThat(valid.dataset().schema().columns().get(1).type()).isEqualTo(ColumnType.CATEGORICAL);
    }

    @Test
    void listsEveryProblemWithTheFieldItConcerns() {
        // Given
        var yaml = """
                name: Churn Model
                dataset: churn
                target: churned
                steps:
                  clean: { missing: guess }
                  split: { test: 1.5 }
                  train: { algorithm: deep-forest }
                """;
        // When
        var error = catchThrowableOfType(InvalidSpecException.class, () -> SpecFixtures.valid(yaml));
        // Then
        assertThat(error.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("name", "target",
                "steps.clean.missing", "steps.split.test", "steps.split", "steps.train.algorithm");
        assertThat(error.errors()).filteredOn(e -> e.field().equals("target")).singleElement()
                .extracting(FieldError::message).asString().contains("'churned' is not a column of churn@3");
        assertThat(error.errors()).filteredOn(e -> e.field().equals("steps.train.algorithm")).singleElement()
                .extracting(FieldError::message).asString().contains("logistic-regression, cart");
    }

    @Test
    void refusesATargetWithASingleClass() {
        // Given
        var yaml = "{name: c, dataset: churn, target: country, steps: {train: {algorithm: cart}}}";
        // When
        var error = catchThrowableOfType(InvalidSpecException.class, () -> SpecFixtures.valid(yaml));
        // Then
        assertThat(error.getMessage()).contains("target: 'country' has 1 distinct value(s)");
    }

    @Test
    void refusesUnknownHyperparametersAndUnknownDatasets() {
        // Given
        var yaml = "{name: c, dataset: fraud, target: churn, steps: {train: {algorithm: cart, params: {depth: 3}}}}";
        // When
        var error = catchThrowableOfType(InvalidSpecException.class, () -> SpecFixtures.valid(yaml));
        // Then
        assertThat(error.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("dataset",
                "steps.train.params.depth");
    }

    @Test
    void measuresARegressorWithRegressionMetrics() {
        // Given
        var yaml = """
                name: tenure
                dataset: churn
                target: tenure
                steps: { train: { algorithm: xgboost-regressor } }
                """;
        // When
        var valid = SpecFixtures.valid(yaml);
        // Then
        assertThat(valid.spec().steps().evaluate().metrics()).containsExactly("rmse", "mae", "r2");
    }

    @Test
    void refusesARegressorOnACategoricalTargetOrWithClassificationMetrics() {
        // Given
        var yaml = """
                name: churn
                dataset: churn
                target: churn
                steps:
                  train: { algorithm: linear-regression }
                  evaluate: { metrics: [rmse, f1_macro] }
                """;
        // When
        var error = catchThrowableOfType(InvalidSpecException.class, () -> SpecFixtures.valid(yaml));
        // Then
        assertThat(error.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("target",
                "steps.evaluate.metrics");
        assertThat(error.errors()).filteredOn(e -> e.field().equals("target")).singleElement()
                .extracting(FieldError::message).asString()
                .startsWith("'churn' is categorical in churn@3; a regression algorithm needs a numeric target");
        assertThat(error.errors()).filteredOn(e -> e.field().equals("steps.evaluate.metrics")).singleElement()
                .extracting(FieldError::message).asString().isEqualTo("unknown metric 'f1_macro' for regression; "
                        + "known: rmse, mae, r2");
    }

    @Test
    void aRegressionSearchMinimisesRmseByDefault() {
        // Given
        var yaml = """
                name: tenure
                dataset: churn
                target: tenure
                steps:
                  split: { validation: 0.2 }
                  train:
                    algorithm: linear-regression
                    search: { strategy: tpe, trials: 8, space: { learning_rate: { min: 0.01, max: 1, log: true } } }
                """;
        // When
        var search = SpecFixtures.valid(yaml).spec().steps().train().search();
        // Then
        assertThat(search.objective()).isEqualTo("rmse");
        assertThat(search.direction()).isEqualTo("minimize");
    }

    @Test
    void r2IsMaximisedAndAContradictingDirectionIsRefused() {
        // Given
        var template = """
                name: tenure
                dataset: churn
                target: tenure
                steps:
                  split: { validation: 0.2 }
                  train:
                    algorithm: cart-regressor
                    search: { objective: %s, direction: %s, space: { max_depth: [2, 8] } }
                """;
        // When
        var r2 = SpecFixtures.valid(template.formatted("r2", "maximize")).spec().steps().train().search();
        var error = catchThrowableOfType(InvalidSpecException.class,
                () -> SpecFixtures.valid(template.formatted("mae", "maximize")));
        var unknown = catchThrowableOfType(InvalidSpecException.class,
                () -> SpecFixtures.valid(template.formatted("mae", "down")));
        // Then
        assertThat(r2.direction()).isEqualTo("maximize");
        assertThat(error.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("steps.train.search.direction");
            assertThat(e.message()).isEqualTo("'mae' is better lower, so a search must minimize it; "
                    + "leave direction out or say minimize");
        });
        assertThat(unknown.errors()).extracting(FieldError::message)
                .containsExactly("'down' is not one of [maximize, minimize]");
    }

    @Test
    void fillsTextDefaultsAndTypesTheColumnText() {
        // Given: "contract" was inferred categorical; naming it as the text makes it text
        var yaml = """
                name: churn
                dataset: churn
                target: churn
                steps:
                  train: { algorithm: naive-bayes, text: { column: contract, ngrams: [1, 2] } }
                """;
        // When
        var valid = SpecFixtures.valid(yaml);
        // Then
        var text = valid.spec().steps().train().text();
        assertThat(text).isEqualTo(new dev.cairn.contracts.PipelineSpec.TextFeatures("contract", java.util.List.of(1, 2),
                "tfidf", "l2", true, 1, 50_000, 0));
        assertThat(valid.dataset().schema().columns()).filteredOn(c -> c.name().equals("contract")).singleElement()
                .extracting(c -> c.type()).isEqualTo(ColumnType.TEXT);
    }

    @Test
    void refusesABadTextSpecWithAReasonPerField() {
        // Given
        var yaml = """
                name: churn
                dataset: churn
                target: churn
                columns: { contract: categorical }
                steps:
                  train:
                    algorithm: cart
                    text: { column: contract, ngrams: [2, 9], weighting: bm25, norm: l1, min_df: 0,
                            max_features: 100, hash_buckets: 1 }
                """;
        // When
        var error = catchThrowableOfType(InvalidSpecException.class, () -> SpecFixtures.valid(yaml));
        // Then
        assertThat(error.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("steps.train.text",
                "steps.train.text.column", "steps.train.text.ngrams", "steps.train.text.weighting",
                "steps.train.text.norm", "steps.train.text.min_df", "steps.train.text.hash_buckets",
                "steps.train.text.max_features");
        assertThat(error.errors()).extracting(FieldError::message).contains(
                "text features are for naive-bayes, logistic-regression or linear-svm; not for cart",
                "'contract' is declared categorical in columns; a text column must be text (or left out of columns)",
                "needs 1 <= min <= max <= 5; got [2, 9]",
                "hashing already bounds the features by hash_buckets; set one of the two");
    }

    @Test
    void theTextMustBeAnotherColumnThanTheTarget() {
        // Given
        var yaml = """
                name: churn
                dataset: churn
                target: churn
                steps: { train: { algorithm: naive-bayes, text: { column: churn } } }
                """;
        // When
        var error = catchThrowableOfType(InvalidSpecException.class, () -> SpecFixtures.valid(yaml));
        // Then
        assertThat(error.errors()).extracting(FieldError::message)
                .containsExactly("'churn' is the target; the text must be another column");
    }
}
