package dev.cairn.deploy.mlp;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

import dev.cairn.deploy.Customers;
import dev.cairn.deploy.Readiness;
import dev.cairn.store.artifact.FilesystemArtifactStorage;
import dev.cairn.store.model.MlpModel;
import dev.cairn.store.model.ModelPackages;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The inference server serving a DJL-trained MLP with its plain-Java forward pass (no PyTorch on its class path). */
@QuarkusTest
@WithTestResource(ServingMlpResource.class)
class ServeMlpTest {

    @BeforeEach
    void modelIsReady() {
        Readiness.await();
    }

    @Test
    void predictsWithTheNetworksProbabilities() throws Exception {
        // Given
        var features = Customers.loyal();
        var expected = inProcess().predict(asCells(features));
        // When
        var response = given().contentType(ContentType.JSON).body(Map.of("features", features))
                .post("/predict").then().statusCode(200).extract().jsonPath();
        // Then
        assertThat(response.getString("label")).isEqualTo(expected.label());
        assertThat(response.getDouble("probabilities.Yes")).isCloseTo(expected.probabilities().get("Yes"), within(1e-9));
        assertThat(response.getDouble("probabilities.No") + response.getDouble("probabilities.Yes"))
                .isCloseTo(1.0, within(1e-6)); // the response rounds each probability
        assertThat(response.getString("model")).isEqualTo(ServingMlpResource.MODEL);
    }

    @Test
    void tellsANewMonthToMonthCustomerFromALoyalOne() {
        // Given
        var fresh = Customers.loyal();
        fresh.putAll(Map.of("tenure", 1, "contract", "Month-to-month", "payment_method", "Electronic check",
                "internet_service", "Fiber optic", "online_security", "No", "monthly_charges", 95.0,
                "total_charges", 95.0, "paperless_billing", 1));
        // When
        var response = given().contentType(ContentType.JSON).body(Map.of("features", fresh)).post("/predict")
                .then().statusCode(200).extract().jsonPath();
        // Then
        assertThat(response.getDouble("probabilities.Yes")).isGreaterThan(0.5);
    }

    @Test
    void describesItselfAsCairnsOwnFormatOverTheOpenInferenceProtocol() {
        given().get("/v2/models/" + ServingMlpResource.MODEL).then().statusCode(200)
                .body("platform", equalTo("cairn_cairn_mlp"));
    }

    @Test
    void needsNoDeepLearningLibraryToServeIt() {
        assertThatThrownBy(() -> Class.forName("ai.djl.engine.Engine")).isInstanceOf(ClassNotFoundException.class);
    }

    private static dev.cairn.store.model.LoadedModel inProcess() throws Exception {
        var root = Path.of(ConfigProvider.getConfig().getValue("cairn.store.root", String.class));
        var loaded = ModelPackages.load(new FilesystemArtifactStorage(root), ServingMlpResource.PACKAGE);
        assertThat(loaded.model()).isInstanceOf(MlpModel.class);
        return loaded;
    }

    private static Map<String, String> asCells(Map<String, Object> features) {
        var cells = new HashMap<String, String>();
        features.forEach((k, v) -> cells.put(k, String.valueOf(v)));
        return cells;
    }
}
