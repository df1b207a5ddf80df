package dev.cairn.worker.train;

import dev.cairn.store.csv.NumericCells;
import dev.cairn.worker.task.StepFailure;

/** How a regression reads its target cells: plain numbers only, with a sentence when one is not. */
public final class RegressionTarget {

    private RegressionTarget() {
    }

    public static double parse(String target, String cell) {
        return NumericCells.parse(cell).orElseThrow(() -> new StepFailure("target '" + target + "' holds '"
                + (cell.length() > 40 ? cell.substring(0, 37) + "..." : cell)
                + "', which is not a number; a regression algorithm needs a numeric target"));
    }
}
