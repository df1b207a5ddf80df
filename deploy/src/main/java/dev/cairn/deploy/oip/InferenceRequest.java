package dev.cairn.deploy.oip;

import java.util.List;
import java.util.Map;

/**
 * Open Inference Protocol v2 inference request. Each input tensor is one column of the model's signature, shape
 * {@code [N]} or {@code [N, 1]} for a batch of N rows; {@code outputs} optionally picks which outputs to return.
 */
public record InferenceRequest(String id, Map<String, Object> parameters, List<Input> inputs, List<Output> outputs) {

    /** @param data row-major, flat or nested as the protocol allows */
    public record Input(String name, List<Long> shape, String datatype, Map<String, Object> parameters, Object data) {
    }

    public record Output(String name, Map<String, Object> parameters) {
    }
}
