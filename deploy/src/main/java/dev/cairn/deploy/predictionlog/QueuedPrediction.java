package dev.cairn.deploy.predictionlog;

import dev.cairn.deploy.inference.Answer;
import dev.cairn.deploy.inference.Endpoint;
import java.util.Map;

/** What a request thread leaves in the queue: cheap to make, turned into a record on the sender thread. */
record QueuedPrediction(Answer answer, Map<String, String> features, Endpoint endpoint, long latencyNanos,
        long atMillis) {
}
