package dev.cairn.deploy.predict;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.cairn.deploy.ChurnModel;
import dev.cairn.deploy.Customers;
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
class PredictResourceTest {

    @BeforeEach
    void modelIsReady() {
        Readiness.await();
    }

    @Test
    void answersOneRowWithTheModelsLabelProbabilitiesAndAnId() {
        // Given
        var expected = ServedChurn.model().predict(Map.of("tenure", "34", "contract", "One year", "monthly_charges",
                "56.95", "total_charges", "1889.5", "internet_service", "DSL", "online_security", "Yes",
                "payment_method", "Mailed check", "multiple_lines", "No", "device_protection", "Yes",
                "phone_service", "1"));
        var features = Customers.loyal();
        features.keySet().removeIf(k -> !List.of("tenure", "contract", "monthly_charges", "total_charges",
                "internet_service", "online_security", "payment_method", "multiple_lines", "device_protection",
                "phone_service").contains(k));
        // When
        var response = given().contentType(ContentType.JSON).body(Map.of("features", features))
                .post("/predict").then().statusCode(200).extract().jsonPath();
        // Then
        assertThat(response.getString("label")).isEqualTo(expected.label());
        assertThat(response.getDouble("probabilities.Yes")).isCloseTo(expected.probabilities().get("Yes"),
                within(1e-9));
        assertThat(response.getString("predictionId")).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab].{3}-.{12}");
        assertThat(response.getString("model")).isEqualTo("churn");
        assertThat(response.getString("version")).isEqualTo("3");
    }

    @Test
    void answersABatchInOrderWithDistinctIds() {
        // Given: the same customer twice, the second on a month-to-month contract and new
        var loyal = Customers.loyal();
        var fresh = Customers.loyal();
        fresh.put("contract", "Month-to-month");
        fresh.put("tenure", 1);
        fresh.put("total_charges", 56.95);
        fresh.put("payment_method", "Electronic check");
        // When
        var response = given().contentType(ContentType.JSON).body(Map.of("instances", List.of(loyal, fresh)))
                .post("/predict").then().statusCode(200).extract().jsonPath();
        // Then
        List<Map<String, Object>> predictions = response.getList("predictions");
        assertThat(predictions).hasSize(2);
        assertThat(predictions.get(0).get("predictionId")).isNotEqualTo(predictions.get(1).get("predictionId"));
        assertThat(response.getDouble("predictions[1].probabilities.Yes"))
                .isGreaterThan(response.getDouble("predictions[0].probabilities.Yes"));
    }

    @Test
    void predictsHeldOutCustomersAsWellAsTheModelDoes() {
        // Given: the rows held out of training, sent as a client would (the target column included, and ignored)
        List<Map<String, String>> test = testRows();
        // When
        var labels = given().contentType(ContentType.JSON).body(Map.of("instances", test)).post("/predict")
                .then().statusCode(200).extract().jsonPath().getList("predictions.label", String.class);
        // Then: measured accuracy 0.767 on these 1,409 rows (the majority class alone scores 0.73)
        int right = 0;
        for (int i = 0; i < test.size(); i++) {
            right += labels.get(i).equals(test.get(i).get(ChurnModel.TARGET)) ? 1 : 0;
        }
        assertThat((double) right / test.size()).isGreaterThan(0.75);
    }

    private static List<Map<String, String>> testRows() {
        try {
            return new ArrayList<>(ChurnModel.read(ChurnModel.CSV).testRows());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void imputesAMissingNumberAsTrainingDid() {
        // Given
        var features = Customers.loyal();
        features.put("total_charges", null);
        // When / Then
        given().contentType(ContentType.JSON).body(Map.of("features", features)).post("/predict")
                .then().statusCode(200);
    }

    @Test
    void refusesAnUnknownFeatureNamingIt() {
        // Given
        var features = Customers.loyal();
        features.put("tenur", 3);
        // When / Then
        given().contentType(ContentType.JSON).body(Map.of("features", features)).post("/predict")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-prediction-request"))
                .body("detail", containsString("unknown feature 'tenur'"));
    }

    @Test
    void refusesTextInANumericColumnNamingRowAndColumn() {
        // Given
        var bad = Customers.loyal();
        bad.put("tenure", "a while");
        // When / Then
        given().contentType(ContentType.JSON).body(Map.of("instances", List.of(Customers.loyal(), bad))).post("/predict")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("row 1: column 'tenure' holds 'a while', which is not a number"));
    }

    @Test
    void refusesABodyThatIsNotJson() {
        // When / Then
        given().contentType(ContentType.JSON).body("{\"features\": {").post("/predict")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-json"));
    }

    @Test
    void refusesABodyWithNeitherFeaturesNorInstances() {
        // When / Then
        given().contentType(ContentType.JSON).body(Map.of("rows", List.of())).post("/predict")
                .then().statusCode(400)
                .body("detail", equalTo("send either 'features' (one row) or 'instances' (a batch of rows)"));
    }
}
