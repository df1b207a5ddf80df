package dev.cairn.deploy.oip;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** Open Inference Protocol v2 inference response. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InferenceResponse(@JsonProperty("model_name") String modelName,
        @JsonProperty("model_version") String modelVersion, String id, Map<String, Object> parameters,
        List<Output> outputs) {

    /** @param data row-major and flat, as the protocol recommends */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Output(String name, List<Integer> shape, String datatype, Map<String, Object> parameters,
            List<?> data) {
    }
}
