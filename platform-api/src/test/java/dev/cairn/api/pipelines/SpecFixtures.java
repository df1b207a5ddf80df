package dev.cairn.api.pipelines;

import dev.cairn.contracts.ColumnSchema;
import dev.cairn.contracts.ColumnType;
import dev.cairn.contracts.DatasetRef;
import dev.cairn.contracts.DatasetSchema;
import java.util.List;
import java.util.Optional;

/** A small registered dataset for spec tests: churn@3 with a binary target and one single-valued column. */
final class SpecFixtures {
    static final DatasetRef CHURN = new DatasetRef("churn", 3, "ab".repeat(32), new DatasetSchema(List.of(
            new ColumnSchema("churn", ColumnType.CATEGORICAL, 0, 2, false),
            new ColumnSchema("tenure", ColumnType.NUMERIC, 0, 70, false),
            new ColumnSchema("contract", ColumnType.CATEGORICAL, 0, 3, false),
            new ColumnSchema("country", ColumnType.CATEGORICAL, 0, 1, false)), List.of("", "NA"), 100));

    private SpecFixtures() {
    }

    static Optional<DatasetRef> lookup(String reference) {
        return reference.equals("churn") || reference.equals("churn@3") ? Optional.of(CHURN) : Optional.empty();
    }

    static SpecValidator.ValidSpec valid(String yaml) {
        return new SpecValidator(SpecFixtures::lookup).validate(new SpecParser().parse(yaml, true));
    }
}
