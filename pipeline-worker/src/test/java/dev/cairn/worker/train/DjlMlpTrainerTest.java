package dev.cairn.worker.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cairn.contracts.ColumnType;
import dev.cairn.store.csv.CsvRows;
import dev.cairn.store.csv.MissingTokens;
import dev.cairn.store.model.Featurizer;
import dev.cairn.store.model.InputFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The network DJL trained, answered by DJL itself and by {@link dev.cairn.store.model.MlpModel}'s plain-Java forward
 * pass on real rows (letter: 3000 training rows, 200 held-out rows to compare on), and trained twice with one seed.
 */
class DjlMlpTrainerTest {

    private static final Map<String, Number> PARAMS = Map.of("epochs", 3, "batch_size", 64, "learning_rate", 0.003);
    private static Featurizer featurizer;
    private static MutableDataset<Label> train;
    private static List<String> labels;
    private static List<String[]> held;
    private static List<String> header;

    @BeforeAll
    static void readLetter() throws IOException {
        var rows = read("/data/letter_train.csv");
        header = List.of(rows.removeFirst());
        var signature = header.stream().skip(1).map(c -> new InputFeature(c, ColumnType.NUMERIC, null)).toList();
        featurizer = Featurizer.of(signature, List.of(), MissingTokens.DEFAULT);
        var factory = new LabelFactory();
        train = new MutableDataset<>(new SimpleDataSourceProvenance("letter", factory), factory);
        rows.subList(0, 3000).forEach(cells -> train.add(featurizer.example(header, cells, new Label(cells[0]))));
        var seen = new TreeSet<String>();
        train.getOutputs().forEach(l -> seen.add(l.getLabel()));
        labels = List.copyOf(seen);
        held = rows.subList(3000, 3200);
    }

    private static List<String[]> read(String resource) throws IOException {
        var rows = new ArrayList<String[]>();
        try (var csv = CsvRows.open(DjlMlpTrainerTest.class.getResourceAsStream(resource))) {
            rows.add(csv.header().toArray(String[]::new));
            while (csv.hasNext()) {
                rows.add(csv.next());
            }
        }
        return rows;
    }

    @Test
    void answersAsDjlDoesWithinOneInAHundredThousand() {
        // Given
        var trainer = new DjlMlpTrainer(List.of(32, 16), PARAMS, 7);
        // When
        var result = trainer.train(train, labels, model -> Map.of(), probeRows());
        // Then
        for (int i = 0; i < held.size(); i++) {
            double[] java = result.model().probabilities(result.model().input(
                    featurizer.example(header, held.get(i), LabelFactory.UNKNOWN_LABEL)));
            float[] djl = result.probed()[i];
            assertThat(java).hasSize(labels.size());
            for (int k = 0; k < java.length; k++) {
                assertThat(java[k]).as("row %d, class %s", i, labels.get(k)).isCloseTo(djl[k],
                        within(1e-5));
            }
        }
    }

    /** Raw inputs in the network's feature order, built the way serving builds them. */
    private static List<double[]> probeRows() {
        var names = new ArrayList<String>();
        train.getFeatureIDMap().forEach(info -> names.add(info.getName()));
        names.sort(null);
        var rows = new ArrayList<double[]>();
        for (String[] cells : held) {
            var example = featurizer.example(header, cells, LabelFactory.UNKNOWN_LABEL);
            double[] x = new double[names.size()];
            example.forEach(f -> x[names.indexOf(f.getName())] = f.getValue());
            rows.add(x);
        }
        return rows;
    }

    @Test
    void trainsTheSameNetworkTwiceFromOneSeed() {
        // When
        var first = new DjlMlpTrainer(List.of(16), PARAMS, 11).train(train, labels, model -> Map.of());
        var second = new DjlMlpTrainer(List.of(16), PARAMS, 11).train(train, labels, model -> Map.of());
        // Then
        for (int l = 0; l < first.model().weights().layers().size(); l++) {
            assertThat(second.model().weights().layers().get(l).weights())
                    .containsExactly(first.model().weights().layers().get(l).weights());
        }
        assertThat(second.curves().get("loss")).isEqualTo(first.curves().get("loss"));
    }
}
