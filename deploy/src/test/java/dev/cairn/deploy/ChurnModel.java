package dev.cairn.deploy;

import dev.cairn.contracts.ColumnType;
import dev.cairn.store.artifact.FilesystemArtifactStorage;
import dev.cairn.store.csv.CsvRows;
import dev.cairn.store.csv.MissingTokens;
import dev.cairn.store.csv.NumericCells;
import dev.cairn.store.model.ColumnTransform;
import dev.cairn.store.model.Featurizer;
import dev.cairn.store.model.InputFeature;
import dev.cairn.store.model.Lineage;
import dev.cairn.store.model.ModelManifest;
import dev.cairn.store.model.ModelPackages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.Transformation;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/**
 * The churn logistic regression, trained on the real churn data the way the pipeline worker's train step trains it
 * (numeric features standardised inside the model; AdaGrad at rate 1.0, 5 epochs, seed 42; missing numbers imputed
 * with the median), and stored as a model package. Tests serve it; {@code bench/serving.sh} runs {@link #main} to
 * build the package it benchmarks.
 */
public final class ChurnModel {

    /** The data set, shared with the pipeline worker's tests (one copy in the repository). */
    public static final Path CSV = Path.of(System.getProperty("basedir", "."))
            .resolve("../pipeline-worker/src/test/resources/data/modeldata_wa_churn.csv").normalize();
    public static final String TARGET = "churn";

    /** The rows of the data set, every 5th held out of training (the test rows). */
    public record Data(List<InputFeature> signature, List<Map<String, String>> rows) {

        public List<Map<String, String>> testRows() {
            List<Map<String, String>> test = new ArrayList<>();
            for (int i = 0; i < rows.size(); i += 5) {
                test.add(rows.get(i));
            }
            return test;
        }
    }

    private ChurnModel() {
    }

    /** Prints the digest of the package stored under {@code args[0]} from the CSV {@code args[1]}. */
    public static void main(String[] args) throws IOException {
        System.out.println(store(Path.of(args[0]), Path.of(args[1])));
    }

    /** Trains and stores the model; returns the package's manifest digest. */
    public static String store(Path storeRoot, Path csv) throws IOException {
        Data data = read(csv);
        var missing = MissingTokens.DEFAULT;
        List<ColumnTransform> preprocessing = medians(data, missing);
        var featurizer = Featurizer.of(data.signature(), preprocessing, missing);
        var labels = new LabelFactory();
        var dataset = new MutableDataset<>(new SimpleDataSourceProvenance("churn", labels), labels);
        for (int i = 0; i < data.rows().size(); i++) {
            if (i % 5 != 0) {
                Map<String, String> row = data.rows().get(i);
                dataset.add(featurizer.example(row, new Label(row.get(TARGET))));
            }
        }
        var model = trainer(data.signature()).train(dataset);
        var manifest = new ModelManifest(ModelManifest.CURRENT_FORMAT_VERSION, null, null, null, null, 0,
                "classification", TARGET, data.signature(), null, preprocessing, Map.of(),
                new Lineage("run-test", "churn", "churn", 1, "a".repeat(64), "b".repeat(64), "logistic-regression",
                        Map.of("epochs", 5, "learning_rate", 1.0, "minibatch_size", 1), 42,
                        Map.of("tribuo", "4.3.2")),
                Instant.now(), missing.tokens());
        return ModelPackages.save(new FilesystemArtifactStorage(storeRoot), manifest, model).sha256();
    }

    private static Trainer<Label> trainer(List<InputFeature> signature) {
        var lr = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(1.0, 0.1), 5, Integer.MAX_VALUE, 1, 42L);
        var numeric = signature.stream().filter(f -> f.type() == ColumnType.NUMERIC).map(InputFeature::name)
                .collect(Collectors.toMap(Function.identity(), f -> List.<Transformation>of(new MeanStdDevTransformation())));
        return new TransformTrainer<>(lr, new TransformationMap(List.of(), numeric));
    }

    /** Numeric when every present cell is a number (as upload's type inference decides); the target is a label. */
    public static Data read(Path csv) throws IOException {
        var missing = MissingTokens.DEFAULT;
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> header;
        try (InputStream in = Files.newInputStream(csv); var reader = CsvRows.open(in)) {
            header = reader.header();
            reader.forEachRemaining(cells -> rows.add(reader.asMap(cells)));
        }
        List<InputFeature> signature = new ArrayList<>();
        for (String column : header) {
            if (column.equals(TARGET)) {
                continue;
            }
            boolean numeric = rows.stream().map(r -> r.get(column))
                    .allMatch(c -> missing.isMissing(c) || NumericCells.parse(c).isPresent());
            Set<String> categories = new LinkedHashSet<>();
            if (!numeric) {
                rows.forEach(r -> categories.add(r.get(column)));
            }
            signature.add(new InputFeature(column, numeric ? ColumnType.NUMERIC : ColumnType.CATEGORICAL,
                    numeric ? null : List.copyOf(categories)));
        }
        return new Data(List.copyOf(signature), List.copyOf(rows));
    }

    /** The clean step's imputation: the median of a numeric column, the most frequent value of a categorical one. */
    private static List<ColumnTransform> medians(Data data, MissingTokens missing) {
        List<ColumnTransform> transforms = new ArrayList<>();
        for (InputFeature input : data.signature()) {
            if (input.type() == ColumnType.NUMERIC) {
                double[] values = data.rows().stream().map(r -> r.get(input.name())).filter(c -> !missing.isMissing(c))
                        .mapToDouble(c -> NumericCells.parse(c).getAsDouble()).sorted().toArray();
                double median = values.length % 2 == 1 ? values[values.length / 2]
                        : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
                transforms.add(new ColumnTransform(input.name(), ColumnType.NUMERIC, median, null, null, null));
            } else {
                String mode = data.rows().stream().map(r -> r.get(input.name())).filter(c -> !missing.isMissing(c))
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())).entrySet().stream()
                        .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
                transforms.add(new ColumnTransform(input.name(), ColumnType.CATEGORICAL, null, mode, null, null));
            }
        }
        return transforms;
    }

}
