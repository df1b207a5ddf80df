package dev.cairn.api.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.api.problem.Problem;
import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;

/**
 * Bounds JSON request bodies before anything reads them. Quarkus' own limit ({@code quarkus.http.limits.max-body-size})
 * must stay at the size of the largest streamed upload (gigabytes), and JSON bodies are read whole into memory, so
 * without this a client could make the server hold gigabytes of JSON. Uploads (CSV, artifacts) and pipeline specs
 * read their bodies as streams with their own limits and are not JSON or not affected (a spec is far smaller).
 *
 * <p>A JSON body must announce its length: one over the limit is refused with 413, one sent in chunks without a
 * length with 411, both as problem+json, before authentication (refusing costs nothing and reveals nothing).
 */
@ApplicationScoped
class JsonBodyLimit {
    /** Before authentication and before RESTEasy Reactive reads the body. */
    private static final int ORDER = Integer.MIN_VALUE + 100;

    @StaticInitSafe
    @ConfigMapping(prefix = "cairn.http")
    interface Config {
        /** The largest JSON request body accepted, in bytes. */
        @WithDefault("1048576")
        long maxJsonBytes();
    }

    private final long maxBytes;
    private final ObjectMapper mapper;

    JsonBodyLimit(Config config, ObjectMapper mapper) {
        this.maxBytes = config.maxJsonBytes();
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        var request = context.request();
        if (!isJson(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            context.next();
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            if (request.headers().contains(HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CHUNKED, true)) {
                refuse(context, 411, "length-required", "Length required",
                        "A JSON request body must be sent with a Content-Length header");
                return;
            }
        } else if (parsedLength(length) > maxBytes) {
            refuse(context, 413, "request-too-large", "Request too large",
                    "A JSON request body may hold at most " + maxBytes + " bytes");
            return;
        }
        context.next();
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase();
        return type.equals("application/json") || type.endsWith("+json");
    }

    /** A malformed length is Vert.x's to refuse; here it only must not pass as small. */
    private static long parsedLength(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private void refuse(RoutingContext context, int status, String slug, String title, String detail) {
        var problem = new Problem(URI.create("/problems/" + slug), title, status, detail,
                URI.create(context.request().path()), null);
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Problem always serialises", e);
        }
        // Closing the connection: the unread body must not be taken for the next request.
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close").end(body);
    }
}
