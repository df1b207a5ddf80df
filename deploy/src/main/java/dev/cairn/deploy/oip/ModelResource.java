package dev.cairn.deploy.oip;

import dev.cairn.contracts.ColumnType;
import dev.cairn.deploy.inference.Answer;
import dev.cairn.deploy.inference.Endpoint;
import dev.cairn.deploy.inference.Inference;
import dev.cairn.deploy.inference.InvalidRequestException;
import dev.cairn.deploy.inference.ModelNotReadyException;
import dev.cairn.deploy.model.ModelSchema;
import dev.cairn.deploy.model.ServedModel;
import dev.cairn.store.model.InputFeature;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The protocol's model endpoints, {@code /v2/models/{name}[/versions/{version}]}: metadata, readiness and
 * inference. A name or version other than the one this server loaded is answered 404: one process serves one
 * version, and the router addresses versions by choosing the process.
 *
 * <p>{@code @PermitAll}: the server is reached only through the deployment's router or gateway (see the module
 * README).
 */
@Path("/v2/models/{name}")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    /** Thrown for a model name or version this server does not serve. */
    static class UnknownModelException extends RuntimeException {
        UnknownModelException(String message) {
            super(message);
        }
    }

    private final Inference inference;
    private final ServedModel served;

    ModelResource(Inference inference, ServedModel served) {
        this.inference = inference;
        this.served = served;
    }

    @GET
    @NonBlocking
    public ModelMetadata metadata(@PathParam("name") String name) {
        return metadataOf(name, served.version());
    }

    @GET
    @Path("/versions/{version}")
    @NonBlocking
    public ModelMetadata versionMetadata(@PathParam("name") String name, @PathParam("version") String version) {
        return metadataOf(name, version);
    }

    @GET
    @Path("/ready")
    @NonBlocking
    public Response ready(@PathParam("name") String name) {
        return readiness(name, served.version());
    }

    @GET
    @Path("/versions/{version}/ready")
    @NonBlocking
    public Response versionReady(@PathParam("name") String name, @PathParam("version") String version) {
        return readiness(name, version);
    }

    @POST
    @Path("/infer")
    @NonBlocking
    @Consumes(MediaType.APPLICATION_JSON)
    public InferenceResponse infer(@PathParam("name") String name, InferenceRequest request) {
        return inferOn(name, served.version(), request);
    }

    @POST
    @Path("/versions/{version}/infer")
    @NonBlocking
    @Consumes(MediaType.APPLICATION_JSON)
    public InferenceResponse versionInfer(@PathParam("name") String name, @PathParam("version") String version,
            InferenceRequest request) {
        return inferOn(name, version, request);
    }

    private InferenceResponse inferOn(String name, String version, InferenceRequest request) {
        long started = System.nanoTime();
        requireServed(name, version);
        ModelSchema schema = served.ready().orElseThrow(() -> new ModelNotReadyException(name)).schema();
        if (request == null) {
            throw new InvalidRequestException("the request has no body");
        }
        Tensors.checkRequested(request.outputs());
        List<Answer> answers = inference.answer(Tensors.rows(request.inputs(), schema), Endpoint.INFER, started);
        return new InferenceResponse(served.name(), served.version(), request.id(), null,
                Tensors.outputs(answers, schema.labels(), request.outputs()));
    }

    private ModelMetadata metadataOf(String name, String version) {
        requireServed(name, version);
        ServedModel.Loaded loaded = served.ready().orElseThrow(() -> new ModelNotReadyException(name));
        List<ModelMetadata.Tensor> inputs = loaded.schema().signature().stream().map(ModelResource::tensorOf).toList();
        List<ModelMetadata.Tensor> outputs = List.of(
                new ModelMetadata.Tensor(Tensors.LABEL, "BYTES", List.of(-1)),
                new ModelMetadata.Tensor(Tensors.PROBABILITIES, "FP64", List.of(-1, loaded.schema().labels().size())),
                new ModelMetadata.Tensor(Tensors.PREDICTION_ID, "BYTES", List.of(-1)));
        var manifest = loaded.model().manifest();
        return new ModelMetadata(served.name(), List.of(served.version()),
                manifest.framework() + "_" + manifest.format().replace('-', '_'), inputs, outputs);
    }

    private static ModelMetadata.Tensor tensorOf(InputFeature input) {
        return new ModelMetadata.Tensor(input.name(), input.type() == ColumnType.NUMERIC ? "FP64" : "BYTES",
                List.of(-1));
    }

    private Response readiness(String name, String version) {
        requireServed(name, version);
        boolean ready = served.ready().isPresent();
        return Response.status(ready ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(Map.of("name", name, "ready", ready)).build();
    }

    private void requireServed(String name, String version) {
        if (!served.name().equals(name)) {
            throw new UnknownModelException("this server serves model '" + served.name() + "', not '" + name + "'");
        }
        if (!served.version().equals(version)) {
            throw new UnknownModelException("this server serves version " + served.version() + " of model '" + name
                    + "', not version " + version);
        }
    }

    @ServerExceptionMapper
    Response unknown(UnknownModelException e) {
        return OipError.of(Response.Status.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper
    Response invalid(InvalidRequestException e) {
        return OipError.of(Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    Response notReady(ModelNotReadyException e) {
        return OipError.of(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
    }
}
