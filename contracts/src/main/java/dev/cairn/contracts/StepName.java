package dev.cairn.contracts;

/** The steps of a pipeline run, in order. */
public enum StepName {
    CLEAN, SPLIT, TRAIN, EVALUATE, REGISTER
}
