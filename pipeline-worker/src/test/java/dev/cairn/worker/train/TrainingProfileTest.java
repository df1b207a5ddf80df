package dev.cairn.worker.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.contracts.ColumnType;
import dev.cairn.store.artifact.FilesystemArtifactStorage;
import dev.cairn.store.csv.MissingTokens;
import dev.cairn.store.model.ColumnTransform;
import dev.cairn.store.profile.ReferenceProfiles;
import dev.cairn.worker.artifact.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingProfileTest {

    @TempDir
    Path root;

    @Test
    void profilesTheColumnsTheModelReadsAndItsPredictions() throws Exception {
        // Given 100 rows: x = 0..99, plan a/b alternating, y = Y when x >= 50
        var rows = new ArrayList<String[]>();
        for (int i = 0; i < 100; i++) {
            rows.add(new String[] {String.valueOf(i), i % 2 == 0 ? "a" : "b", i >= 50 ? "Y" : "N"});
        }
        var table = new Table(List.of("x", "plan", "y"), rows);
        var trained = new ModelTrainer("cart", Map.of(), 42).train(table, "y",
                List.of(new ColumnTransform("x", ColumnType.NUMERIC, 0.0, null, null, null),
                        new ColumnTransform("plan", ColumnType.CATEGORICAL, null, "a", null, null)),
                MissingTokens.DEFAULT);
        var storage = new FilesystemArtifactStorage(root);
        // When
        String sha = TrainingProfile.store(storage, table, trained, "y", MissingTokens.DEFAULT);
        // Then deciles of 0..99 are the values at ranks 10, 20, …, 90: 9, 19, …, 89, ten rows per bin
        var profile = ReferenceProfiles.read(storage, sha);
        assertThat(profile.rows()).isEqualTo(100);
        assertThat(profile.numeric()).singleElement().satisfies(x -> {
            assertThat(x.edges()).containsExactly(9, 19, 29, 39, 49, 59, 69, 79, 89);
            assertThat(x.counts()).containsOnly(10);
        });
        assertThat(profile.categorical()).singleElement()
                .satisfies(plan -> assertThat(plan.counts()).isEqualTo(Map.of("a", 50L, "b", 50L)));
        assertThat(profile.labels()).isEqualTo(Map.of("N", 50L, "Y", 50L));
        // a tree splits x at 49.5 exactly, so its predictions on its training rows are the labels
        assertThat(profile.predictions()).isEqualTo(Map.of("N", 50L, "Y", 50L));
    }

    @Test
    void countsPredictionsOnFewerRowsThanItProfiles() throws Exception {
        // Given 6,000 rows: x = 0..5,999, y = Y when x >= 3,000
        var rows = new ArrayList<String[]>();
        for (int i = 0; i < 6_000; i++) {
            rows.add(new String[] {String.valueOf(i), i >= 3_000 ? "Y" : "N"});
        }
        var table = new Table(List.of("x", "y"), rows);
        var trained = new ModelTrainer("cart", Map.of(), 42).train(table, "y",
                List.of(new ColumnTransform("x", ColumnType.NUMERIC, 0.0, null, null, null)), MissingTokens.DEFAULT);
        var storage = new FilesystemArtifactStorage(root);
        // When
        var profile = ReferenceProfiles.read(storage, TrainingProfile.store(storage, table, trained, "y",
                MissingTokens.DEFAULT));
        // Then the columns come from every second row (3,000 of them, at most 5,000 allowed) and the predictions from
        // every second of those (1,500, at most 2,000 allowed), still split evenly between the two labels
        assertThat(profile.rows()).isEqualTo(3_000);
        assertThat(profile.labels()).isEqualTo(Map.of("N", 1_500L, "Y", 1_500L));
        assertThat(profile.predictions()).isEqualTo(Map.of("N", 750L, "Y", 750L));
    }

    @Test
    void readsAnEvenlySpreadSampleOfALargeTable() {
        // Given 12,000 rows numbered 0..11,999
        var rows = new ArrayList<String[]>();
        for (int i = 0; i < 12_000; i++) {
            rows.add(new String[] {String.valueOf(i)});
        }
        // When at most 5,000 may be read
        var sample = TrainingProfile.sample(new Table(List.of("n"), rows), 5_000);
        // Then every third row (the smallest step keeping 5,000 or fewer): 0, 3, ..., 11,997
        assertThat(sample.rows()).hasSize(4_000);
        assertThat(sample.rows().get(1)[0]).isEqualTo("3");
        assertThat(sample.rows().get(3_999)[0]).isEqualTo("11997");
    }

    @Test
    void readsASmallTableWhole() {
        var table = new Table(List.of("n"), List.<String[]>of(new String[] {"1"}, new String[] {"2"}));
        assertThat(TrainingProfile.sample(table, 5_000)).isSameAs(table);
    }
}
