package dev.cairn.worker.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cairn.contracts.ColumnSchema;
import dev.cairn.contracts.ColumnType;
import dev.cairn.contracts.DatasetSchema;
import dev.cairn.store.model.ColumnTransform;
import dev.cairn.worker.artifact.Table;
import dev.cairn.worker.task.StepFailure;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CleanerTest {

    private static final DatasetSchema SCHEMA = new DatasetSchema(List.of(
            column("age", ColumnType.NUMERIC), column("plan", ColumnType.CATEGORICAL),
            column("note", ColumnType.TEXT), column("churn", ColumnType.CATEGORICAL)), List.of("", "NA"), 7);

    /**
     * Row 5 repeats row 1 on the kept columns (only the ignored text differs); row 6 has no label;
     * "abc" is not a number. After cleaning: 30/basic/No, 40/?/Yes, ?/pro/No, ?/basic/Yes, 100/pro/Yes.
     */
    private static final Table CHURN = table("""
            age,plan,note,churn
            30,basic,hello,No
            40,NA,x,Yes
            NA,pro,y,No
            abc,basic,z,Yes
            30,basic,other,No
            50,pro,w,NA
            100,pro,q,Yes""");

    private static ColumnSchema column(String name, ColumnType type) {
        return new ColumnSchema(name, type, 0, 0, false);
    }

    static Table table(String csv) {
        var lines = csv.lines().toList();
        return new Table(Arrays.asList(lines.getFirst().split(",", -1)),
                lines.stream().skip(1).map(line -> line.split(",", -1)).toList());
    }

    private static CleanedData clean(Table table, CleanOptions options) {
        return new Cleaner(SCHEMA, "churn", options).clean(table);
    }

    @Test
    void imputesTheMedianAndTheModeAfterDroppingDuplicatesAndUnlabelledRows() {
        // Given: age observed 30, 40, 100 → median 40; plan basic, pro, basic, pro → tie, "basic" sorts first
        var options = CleanOptions.DEFAULTS;
        // When
        var cleaned = clean(CHURN, options);
        // Then
        assertThat(cleaned.table().header()).containsExactly("age", "plan", "churn");
        assertThat(cleaned.table().rows()).containsExactly(
                new String[] {"30", "basic", "No"}, new String[] {"40", "basic", "Yes"},
                new String[] {"40", "pro", "No"}, new String[] {"40", "basic", "Yes"},
                new String[] {"100", "pro", "Yes"});
        assertThat(cleaned.preprocessing()).containsExactly(
                new ColumnTransform("age", ColumnType.NUMERIC, 40.0, null, null, null),
                new ColumnTransform("plan", ColumnType.CATEGORICAL, null, "basic", null, null));
    }

    @Test
    void reportsWhatItDroppedImputedCoercedAndIgnored() {
        // Given
        var options = CleanOptions.DEFAULTS;
        // When
        var report = clean(CHURN, options).report();
        // Then
        assertThat(report.rowsIn()).isEqualTo(7);
        assertThat(report.rowsOut()).isEqualTo(5);
        assertThat(report.rowsMissingTarget()).isEqualTo(1);
        assertThat(report.duplicatesDropped()).isEqualTo(1);
        assertThat(report.cellsImputed()).isEqualTo(Map.of("age", 2L, "plan", 1L));
        assertThat(report.valuesCoerced()).isEqualTo(Map.of("age", 1L));
        assertThat(report.columnsIgnored()).isEqualTo(Map.of("note", "text column not read by training (name it in steps.train.text)"));
        assertThat(report.categories()).isEqualTo(Map.of("plan", List.of("basic", "pro")));
        assertThat(report.classCounts()).isEqualTo(Map.of("No", 2L, "Yes", 3L));
    }

    @Test
    void imputesTheMeanWhenAsked() {
        // Given: (30 + 40 + 100) / 3 = 56.666…
        var options = new CleanOptions(MissingPolicy.IMPUTE_MEAN, true, false);
        // When
        var cleaned = clean(CHURN, options);
        // Then
        assertThat(cleaned.preprocessing().getFirst().imputeNumber()).isCloseTo(170.0 / 3, within(1e-12));
        assertThat(cleaned.table().rows().get(2)[0]).isEqualTo(NumericCell.format(170.0 / 3));
    }

    @Test
    void imputesTheSmallestMostFrequentValueForMode() {
        // Given: 30, 40 and 100 each occur once after dropping the duplicate → 30
        var options = new CleanOptions(MissingPolicy.IMPUTE_MODE, true, false);
        // When
        var cleaned = clean(CHURN, options);
        // Then
        assertThat(cleaned.preprocessing().getFirst().imputeNumber()).isEqualTo(30.0);
    }

    @Test
    void keepsDuplicatesWhenAsked() {
        // Given
        var options = new CleanOptions(MissingPolicy.IMPUTE_MEDIAN, false, false);
        // When
        var report = clean(CHURN, options).report();
        // Then
        assertThat(report.rowsOut()).isEqualTo(6);
        assertThat(report.duplicatesDropped()).isZero();
    }

    @Test
    void dropsRowsWithMissingValuesWithoutLearningImputations() {
        // Given: rows 2, 3 and 4 each miss a value; 30/basic/No and 100/pro/Yes remain
        var options = new CleanOptions(MissingPolicy.DROP, true, false);
        // When
        var cleaned = clean(CHURN, options);
        // Then
        assertThat(cleaned.table().rows()).containsExactly(new String[] {"30", "basic", "No"},
                new String[] {"100", "pro", "Yes"});
        assertThat(cleaned.report().rowsWithMissingValues()).isEqualTo(3);
        assertThat(cleaned.preprocessing()).allSatisfy(t -> {
            assertThat(t.imputeNumber()).isNull();
            assertThat(t.imputeCategory()).isNull();
        });
    }

    @Test
    void clipsOutliersToTukeysFences() {
        // Given: x sorted 1, 2, 3, 4, 100; Q1 = x[1] = 2, Q3 = x[3] = 4, IQR 2 → fences -1 and 7
        var table = table("""
                age,plan,note,churn
                1,a,t,No
                2,a,t,Yes
                3,b,t,No
                4,b,t,Yes
                100,a,t,No""");
        var options = new CleanOptions(MissingPolicy.IMPUTE_MEDIAN, true, true);
        // When
        var cleaned = clean(table, options);
        // Then
        assertThat(cleaned.table().rows().get(4)[0]).isEqualTo("7");
        assertThat(cleaned.report().valuesClipped()).isEqualTo(Map.of("age", 1L));
        assertThat(cleaned.preprocessing().getFirst()).isEqualTo(
                new ColumnTransform("age", ColumnType.NUMERIC, 3.0, null, -1.0, 7.0));
    }

    @Test
    void leavesAColumnWithoutSpreadUnclipped() {
        // Given: a 0/1 flag, mostly 0: Q1 = Q3 = 0, fences would turn every 1 into 0
        var table = table("""
                age,plan,note,churn
                0,a,t,No
                0,a,t,Yes
                0,b,t,No
                0,b,t,Yes
                1,a,t,No""");
        var options = new CleanOptions(MissingPolicy.IMPUTE_MEDIAN, true, true);
        // When
        var cleaned = clean(table, options);
        // Then
        assertThat(cleaned.table().rows().get(4)[0]).isEqualTo("1");
        assertThat(cleaned.preprocessing().getFirst().clipLow()).isNull();
    }

    @Test
    void ignoresAColumnWithoutASingleValue() {
        // Given
        var table = table("""
                age,plan,note,churn
                NA,a,t,No
                ,b,t,Yes""");
        // When
        var cleaned = clean(table, CleanOptions.DEFAULTS);
        // Then
        assertThat(cleaned.table().header()).containsExactly("plan", "churn");
        assertThat(cleaned.report().columnsIgnored()).containsEntry("age", "every value is missing");
    }

    @Test
    void failsOnATargetWithASingleClass() {
        // Given: after dropping the unlabelled row, only "Yes" is left
        var table = table("""
                age,plan,note,churn
                1,a,t,Yes
                2,b,t,Yes
                3,b,t,NA""");
        // When / Then
        assertThatThrownBy(() -> clean(table, CleanOptions.DEFAULTS))
                .isInstanceOf(StepFailure.class)
                .hasMessage("target 'churn' has a single class 'Yes'; a classifier needs at least two");
    }

    @Test
    void failsOnATargetColumnTheDatasetLacks() {
        // Given
        var cleaner = new Cleaner(SCHEMA, "churned", CleanOptions.DEFAULTS);
        // When / Then
        assertThatThrownBy(() -> cleaner.clean(CHURN))
                .isInstanceOf(StepFailure.class)
                .hasMessage("target column 'churned' is not in the dataset; columns: age, plan, note, churn");
    }

    @Test
    void failsWhenNoFeatureColumnIsLeft() {
        // Given
        var table = table("""
                note,churn
                a,No
                b,Yes""");
        // When / Then
        assertThatThrownBy(() -> clean(table, CleanOptions.DEFAULTS))
                .isInstanceOf(StepFailure.class)
                .hasMessage("no feature columns left: 'note' (text column not read by training (name it in steps.train.text))");
    }

    @Test
    void failsWhenDroppingMissingValuesLeavesNoRows() {
        // Given
        var table = table("""
                age,plan,note,churn
                NA,a,t,No
                2,NA,t,Yes
                3,b,t,""");
        var options = new CleanOptions(MissingPolicy.DROP, true, false);
        // When / Then
        assertThatThrownBy(() -> clean(table, options))
                .isInstanceOf(StepFailure.class)
                .hasMessage("no rows left after cleaning: 3 rows in, 1 without a value for target 'churn', "
                        + "2 with missing values dropped (clean.missing: drop)");
    }

    @Test
    void keepsTheTextColumnTrainingReadsVerbatimAndAMissingTextAsEmpty() {
        // Given: the note of the second row is missing; rows 1 and 5 now differ by their notes
        var table = table("""
                age,plan,note,churn
                30,basic,"Hello, world",No
                40,pro,NA,Yes
                30,basic,other,No""".replace("\"Hello, world\"", "Hello world"));
        // When
        var cleaned = new Cleaner(SCHEMA, "churn", CleanOptions.DEFAULTS, java.util.Set.of("note")).clean(table);
        // Then
        assertThat(cleaned.table().header()).containsExactly("age", "plan", "note", "churn");
        assertThat(cleaned.table().rows()).extracting(r -> r[2]).containsExactly("Hello world", "", "other");
        assertThat(cleaned.report().columnsIgnored()).isEmpty();
        assertThat(cleaned.preprocessing()).extracting(t -> t.name() + ":" + t.type())
                .containsExactly("age:NUMERIC", "plan:CATEGORICAL", "note:TEXT");
    }
}
