package dev.cairn.deploy.oip;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.cairn.deploy.ServedChurn;
import dev.cairn.deploy.Readiness;
import dev.cairn.deploy.ServingStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ServingStackResource.class)
class OpenInferenceProtocolTest {

    @BeforeEach
    void modelIsReady() {
        Readiness.await();
    }

    private static Map<String, Object> tensor(String name, String datatype, List<?> data) {
        return Map.of("name", name, "shape", List.of(data.size()), "datatype", datatype, "data", data);
    }

    /** Two customers as column tensors: a loyal one and a new month-to-month one. */
    private static List<Map<String, Object>> twoCustomers() {
        var inputs = new ArrayList<Map<String, Object>>();
        inputs.add(tensor("tenure", "INT64", List.of(34, 1)));
        inputs.add(tensor("contract", "BYTES", List.of("One year", "Month-to-month")));
        inputs.add(tensor("monthly_charges", "FP64", List.of(56.95, 70.7)));
        inputs.add(tensor("total_charges", "FP64", List.of(1889.5, 70.7)));
        inputs.add(tensor("internet_service", "BYTES", List.of("DSL", "Fiber optic")));
        inputs.add(tensor("payment_method", "BYTES", List.of("Mailed check", "Electronic check")));
        return inputs;
    }

    @Test
    void serverIsLiveAndReadyOnceTheModelIsLoaded() {
        when().get("/v2/health/live").then().statusCode(200).body("live", equalTo(true));
        when().get("/v2/health/ready").then().statusCode(200).body("ready", equalTo(true));
        when().get("/v2/models/churn/ready").then().statusCode(200).body("ready", equalTo(true));
        when().get("/v2/models/churn/versions/3/ready").then().statusCode(200);
    }

    @Test
    void describesTheModelsTypedInputsAndOutputs() {
        // When / Then
        when().get("/v2/models/churn").then().statusCode(200)
                .body("name", equalTo("churn"))
                .body("versions", equalTo(List.of("3")))
                .body("platform", equalTo("tribuo_tribuo_protobuf"))
                .body("inputs.find { it.name == 'tenure' }.datatype", equalTo("FP64"))
                .body("inputs.find { it.name == 'contract' }.datatype", equalTo("BYTES"))
                .body("outputs.name", hasItems("label", "probabilities", "prediction_id"))
                .body("outputs.find { it.name == 'probabilities' }.shape", equalTo(List.of(-1, 2)));
    }

    @Test
    void infersABatchOfColumnTensors() {
        // Given
        var expected = ServedChurn.model().predict(Map.of("tenure", "1", "contract", "Month-to-month",
                "monthly_charges", "70.7", "total_charges", "70.7", "internet_service", "Fiber optic",
                "payment_method", "Electronic check"));
        // When
        var response = given().contentType(ContentType.JSON)
                .body(Map.of("id", "req-1", "inputs", twoCustomers()))
                .post("/v2/models/churn/versions/3/infer").then().statusCode(200).extract().jsonPath();
        // Then
        assertThat(response.getString("model_name")).isEqualTo("churn");
        assertThat(response.getString("model_version")).isEqualTo("3");
        assertThat(response.getString("id")).isEqualTo("req-1");
        assertThat(response.getList("outputs.find { it.name == 'label' }.data", String.class))
                .hasSize(2).element(1).isEqualTo(expected.label());
        List<Float> probabilities = response.getList("outputs.find { it.name == 'probabilities' }.data");
        assertThat(response.getList("outputs.find { it.name == 'probabilities' }.shape", Integer.class))
                .containsExactly(2, 2);
        assertThat(response.getString("outputs.find { it.name == 'probabilities' }.parameters.labels"))
                .isEqualTo("No,Yes");
        assertThat(((Number) probabilities.get(3)).doubleValue())
                .isCloseTo(expected.probabilities().get("Yes"), within(1e-6));
        assertThat(response.getList("outputs.find { it.name == 'prediction_id' }.data")).hasSize(2);
    }

    @Test
    void returnsOnlyTheRequestedOutputs() {
        // When / Then
        given().contentType(ContentType.JSON)
                .body(Map.of("inputs", twoCustomers(), "outputs", List.of(Map.of("name", "label"))))
                .post("/v2/models/churn/infer").then().statusCode(200)
                .body("outputs.name", equalTo(List.of("label")));
    }

    @Test
    void refusesInputsOfDifferentBatchSizes() {
        // Given
        var inputs = twoCustomers();
        inputs.set(0, tensor("tenure", "INT64", List.of(34)));
        // When / Then
        given().contentType(ContentType.JSON).body(Map.of("inputs", inputs))
                .post("/v2/models/churn/infer").then().statusCode(400)
                .body("error", equalTo("input 'contract' has 2 rows, the first input has 1"));
    }

    @Test
    void refusesAShapeThatDisagreesWithTheData() {
        // Given
        var inputs = new ArrayList<Map<String, Object>>();
        inputs.add(Map.of("name", "tenure", "shape", List.of(3), "datatype", "FP64", "data", List.of(1, 2)));
        // When / Then
        given().contentType(ContentType.JSON).body(Map.of("inputs", inputs))
                .post("/v2/models/churn/infer").then().statusCode(400)
                .body("error", equalTo("input 'tenure' has shape [3] but 2 values"));
    }

    @Test
    void answersNotFoundForAnotherModelOrVersion() {
        when().get("/v2/models/fraud").then().statusCode(404).body("error", containsString("not 'fraud'"));
        given().contentType(ContentType.JSON).body(Map.of("inputs", twoCustomers()))
                .post("/v2/models/churn/versions/2/infer").then().statusCode(404)
                .body("error", containsString("not version 2"));
    }

    @Test
    void refusesMalformedJsonInTheProtocolsErrorShape() {
        given().contentType(ContentType.JSON).body("{\"inputs\": [").post("/v2/models/churn/infer")
                .then().statusCode(400).body("error", containsString("not valid JSON"));
    }

    @Test
    void nestedDataIsReadRowMajor() {
        // Given: [2, 1] tensors with nested data, as numpy clients send them
        var inputs = new ArrayList<Map<String, Object>>();
        for (var t : twoCustomers()) {
            var nested = new HashMap<>(t);
            nested.put("shape", List.of(2, 1));
            nested.put("data", ((List<?>) t.get("data")).stream().map(List::of).toList());
            inputs.add(nested);
        }
        // When / Then
        given().contentType(ContentType.JSON).body(Map.of("inputs", inputs)).post("/v2/models/churn/infer")
                .then().statusCode(200).body("outputs.find { it.name == 'label' }.shape", equalTo(List.of(2)));
    }
}
