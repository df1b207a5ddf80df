package dev.cairn.worker.evaluate;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

/**
 * Area under the ROC curve by ranks (Mann-Whitney U): the probability that a random positive row
 * scores above a random negative one, counting ties as one half. Tied scores get the average of
 * the ranks they span, which is exactly what makes a tie worth one half.
 */
final class RocAuc {

    private RocAuc() {
    }

    /** Empty when the test set lacks positives or negatives: the area is then undefined, not 0 or 1. */
    static OptionalDouble of(List<Boolean> positive, double[] scores) {
        long nPos = positive.stream().filter(p -> p).count();
        long nNeg = positive.size() - nPos;
        if (nPos == 0 || nNeg == 0) {
            return OptionalDouble.empty();
        }
        double[] ranks = averageRanks(scores);
        double positiveRankSum = IntStream.range(0, scores.length)
                .filter(positive::get)
                .mapToDouble(i -> ranks[i])
                .sum();
        double u = positiveRankSum - nPos * (nPos + 1) / 2.0;
        return OptionalDouble.of(u / ((double) nPos * nNeg));
    }

    /** 1-based ranks of the scores in ascending order; a run of equal scores shares its mean rank. */
    static double[] averageRanks(double[] scores) {
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double[] ranks = new double[scores.length];
        int start = 0;
        while (start < order.length) {
            int end = start;
            while (end + 1 < order.length && scores[order[end + 1]] == scores[order[start]]) {
                end++;
            }
            double meanRank = (start + end) / 2.0 + 1;
            for (int j = start; j <= end; j++) {
                ranks[order[j]] = meanRank;
            }
            start = end + 1;
        }
        return ranks;
    }
}
