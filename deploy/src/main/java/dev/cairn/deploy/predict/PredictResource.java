package dev.cairn.deploy.predict;

import dev.cairn.deploy.inference.Answer;
import dev.cairn.deploy.inference.Cells;
import dev.cairn.deploy.inference.Endpoint;
import dev.cairn.deploy.inference.Inference;
import dev.cairn.deploy.inference.InvalidRequestException;
import dev.cairn.deploy.inference.ModelNotReadyException;
import dev.cairn.deploy.model.ServedModel;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * {@code POST /predict}: named features in, label, probabilities and prediction id out. Runs on the I/O thread: a
 * prediction takes microseconds, less than handing the request to a worker thread would.
 *
 * <p>{@code @PermitAll}: an inference server is reached only through the deployment's router or gateway (as a KServe
 * predictor is); authentication of outside callers belongs there, see the module README.
 */
@Path("/predict")
@PermitAll
public class PredictResource {

    private final Inference inference;
    private final ServedModel served;

    PredictResource(Inference inference, ServedModel served) {
        this.inference = inference;
        this.served = served;
    }

    @POST
    @NonBlocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public PredictResponse predict(PredictRequest request) {
        long started = System.nanoTime();
        if (request != null && request.text() != null) {
            return text(request, started);
        }
        if (request == null || (request.features() == null) == (request.instances() == null)) {
            throw new InvalidRequestException("send either 'features' (one row) or 'instances' (a batch of rows)");
        }
        if (request.features() != null) {
            List<Answer> answers = inference.answer(List.of(cells(request.features())), Endpoint.PREDICT, started);
            return PredictResponse.one(served.name(), served.version(), answers.get(0));
        }
        if (request.instances().isEmpty()) {
            throw new InvalidRequestException("'instances' is empty");
        }
        List<Map<String, String>> rows = new ArrayList<>(request.instances().size());
        for (Map<String, Object> instance : request.instances()) {
            if (instance == null) {
                throw new InvalidRequestException("row " + rows.size() + " is null");
            }
            rows.add(cells(instance));
        }
        return PredictResponse.batch(served.name(), served.version(),
                inference.answer(rows, Endpoint.PREDICT, started));
    }

    /** {@code {"text": "..."}} or {@code {"text": ["...", "..."]}}: the raw text of the model's one text column. */
    private PredictResponse text(PredictRequest request, long started) {
        if (request.features() != null || request.instances() != null) {
            throw new InvalidRequestException("send 'text' alone, or name the text column in 'features' or 'instances'");
        }
        String column = served.ready().flatMap(loaded -> loaded.schema().onlyTextColumn()).orElse(null);
        if (column == null) {
            if (served.ready().isEmpty()) {
                throw new ModelNotReadyException(served.name());
            }
            throw new InvalidRequestException("'text' is for a model whose only input is a text column; this model "
                    + "reads " + served.ready().get().schema().columnNames() + ": send 'features'");
        }
        if (request.text() instanceof List<?> texts) {
            if (texts.isEmpty()) {
                throw new InvalidRequestException("'text' is an empty array");
            }
            List<Map<String, String>> rows = new ArrayList<>(texts.size());
            for (Object text : texts) {
                rows.add(textRow(column, text, rows.size()));
            }
            return PredictResponse.batch(served.name(), served.version(),
                    inference.answer(rows, Endpoint.PREDICT, started));
        }
        var answers = inference.answer(List.of(textRow(column, request.text(), -1)), Endpoint.PREDICT, started);
        return PredictResponse.one(served.name(), served.version(), answers.get(0));
    }

    private static Map<String, String> textRow(String column, Object text, int index) {
        if (!(text instanceof String string)) {
            throw new InvalidRequestException((index < 0 ? "" : "row " + index + ": ")
                    + "'text' must be a string or an array of strings");
        }
        return Map.of(column, string);
    }

    private static Map<String, String> cells(Map<String, Object> features) {
        Map<String, String> row = HashMap.newHashMap(features.size());
        features.forEach((column, value) -> row.put(column, Cells.text(column, value)));
        return row;
    }

    @ServerExceptionMapper
    Response invalid(InvalidRequestException e, UriInfo uri) {
        return Problem.of(Response.Status.BAD_REQUEST, "invalid-prediction-request", "The request cannot be answered",
                e.getMessage(), uri.getRequestUri());
    }

    @ServerExceptionMapper
    Response notReady(ModelNotReadyException e, UriInfo uri) {
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "model-not-ready", "The model is not ready",
                e.getMessage(), uri.getRequestUri());
    }
}
