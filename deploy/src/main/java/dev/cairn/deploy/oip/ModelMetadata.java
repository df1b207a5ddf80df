package dev.cairn.deploy.oip;

import java.util.List;

/** Open Inference Protocol v2 model metadata; a shape of -1 is a dimension of any size (the batch). */
public record ModelMetadata(String name, List<String> versions, String platform, List<Tensor> inputs,
        List<Tensor> outputs) {

    public record Tensor(String name, String datatype, List<Integer> shape) {
    }
}
