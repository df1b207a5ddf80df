package dev.cairn.api.pipelines;

/** A retraining run could not start: the pipeline's spec no longer holds on its newest data. Nothing was written. */
public class RetrainingRefused extends RuntimeException {
    RetrainingRefused(String why) {
        super(why);
    }
}
