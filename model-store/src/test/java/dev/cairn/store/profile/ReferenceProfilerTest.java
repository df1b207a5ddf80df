package dev.cairn.store.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.contracts.ColumnType;
import dev.cairn.store.artifact.FilesystemArtifactStorage;
import dev.cairn.store.csv.MissingTokens;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceProfilerTest {

    @TempDir
    Path root;

    @Test
    void cutsNumericBinsAtTrainingDeciles() {
        // Given the values 1..20 and one missing cell
        var rows = new ArrayList<String[]>();
        for (int i = 1; i <= 20; i++) {
            rows.add(new String[] {String.valueOf(i)});
        }
        rows.add(new String[] {"NA"});
        // When
        var numeric = ReferenceProfiler.numeric("x", rows, 0, MissingTokens.DEFAULT, 10);
        // Then the i/10 quantile is the value at rank ⌈20·i/10⌉ = 2i: edges 2 4 … 18, two values per bin
        assertThat(numeric.edges()).containsExactly(2, 4, 6, 8, 10, 12, 14, 16, 18);
        assertThat(numeric.counts()).containsExactly(2, 2, 2, 2, 2, 2, 2, 2, 2, 2);
        assertThat(numeric.missing()).isEqualTo(1);
        assertThat(numeric.min()).isEqualTo(1);
        assertThat(numeric.max()).isEqualTo(20);
    }

    @Test
    void mergesRepeatedQuantilesOfADiscreteColumn() {
        // Given 0 0 0 0 0 0 0 1 1 2: deciles 0 0 0 0 0 0 0 1 1 (rank ⌈10·i/10⌉ = i)
        var rows = new ArrayList<String[]>();
        for (String v : List.of("0", "0", "0", "0", "0", "0", "0", "1", "1", "2")) {
            rows.add(new String[] {v});
        }
        // When
        var numeric = ReferenceProfiler.numeric("x", rows, 0, MissingTokens.DEFAULT, 10);
        // Then the edges are 0 and 1 once each: bins (-∞,0], (0,1], (1,∞) holding 7, 2 and 1 rows
        assertThat(numeric.edges()).containsExactly(0, 1);
        assertThat(numeric.counts()).containsExactly(7, 2, 1);
        assertThat(numeric.bin(0.5)).isEqualTo(1);
        assertThat(numeric.bin(99)).isEqualTo(2);
    }

    @Test
    void keepsTheMostFrequentCategoriesAndSumsTheRest() {
        // Given 250 distinct categories, category c0 three times
        var rows = new ArrayList<String[]>();
        for (int i = 0; i < 250; i++) {
            rows.add(new String[] {"c" + i});
        }
        rows.add(new String[] {"c0"});
        rows.add(new String[] {"c0"});
        rows.add(new String[] {""});
        // When
        var categorical = ReferenceProfiler.categorical("cat", rows, 0, MissingTokens.DEFAULT);
        // Then 200 named, 50 summed in other, the empty cell missing
        assertThat(categorical.counts()).hasSize(ReferenceProfiler.MAX_CATEGORIES).containsEntry("c0", 3L);
        assertThat(categorical.other()).isEqualTo(50);
        assertThat(categorical.missing()).isEqualTo(1);
    }

    @Test
    void storesAndReadsAProfileAsAnArtifact() throws Exception {
        // Given
        var storage = new FilesystemArtifactStorage(root);
        var types = new LinkedHashMap<String, ColumnType>();
        types.put("distance", ColumnType.NUMERIC);
        types.put("origin", ColumnType.CATEGORICAL);
        List<String[]> rows = List.of(new String[] {"100", "LAX", "late"}, new String[] {"300", "SFO", "ontime"},
                new String[] {"200", "LAX", "ontime"});
        var profile = ReferenceProfiler.profile(List.of("distance", "origin", "delayed"), rows, types,
                MissingTokens.DEFAULT, List.of("ontime", "ontime", "late"), "delayed");
        // When
        var ref = ReferenceProfiles.save(storage, profile);
        var read = ReferenceProfiles.read(storage, ref.sha256());
        // Then
        assertThat(read).isEqualTo(profile);
        assertThat(read.predictions()).isEqualTo(Map.of("late", 1L, "ontime", 2L));
        assertThat(read.labels()).isEqualTo(Map.of("late", 1L, "ontime", 2L));
        assertThat(ReferenceProfiles.save(storage, profile).sha256()).isEqualTo(ref.sha256());
    }
}
