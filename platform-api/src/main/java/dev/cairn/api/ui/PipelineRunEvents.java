package dev.cairn.api.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.api.Roles;
import dev.cairn.api.problem.NotFoundException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestPath;

/**
 * A pipeline run, live: server-sent events named {@code run}, each a whole {@link RunSnapshot}, sent when something
 * changed, until the run has finished. The run's state is written by the orchestrator in other transactions (maybe on
 * another replica), so this reads it from the database every {@link #POLL}: one indexed read per open page, and no
 * coupling to how or where events are applied.
 */
@Path("/ui/pipeline-runs/{id}/events")
public class PipelineRunEvents {
    static final Duration POLL = Duration.ofMillis(400);
    private static final Logger LOG = Logger.getLogger(PipelineRunEvents.class);
    private final PipelineRunQueries runs;
    private final ObjectMapper json;

    PipelineRunEvents(PipelineRunQueries runs, ObjectMapper json) {
        this.runs = runs;
        this.json = json;
    }

    @GET
    @Blocking // the existence check reads the database; the stream itself runs on its own virtual thread
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CI, Roles.SRE, Roles.ADMIN })
    public Multi<OutboundSseEvent> events(@RestPath String id, @Context Sse sse) {
        if (runs.snapshot(id).isEmpty()) {
            throw new NotFoundException("No pipeline run " + id);
        }
        return Multi.createFrom().emitter(emitter -> Thread.ofVirtual().name("ui-run-events-" + id)
                .start(() -> follow(id, sse, emitter)));
    }

    private void follow(String id, Sse sse, MultiEmitter<? super OutboundSseEvent> emitter) {
        String last = null;
        try {
            while (!emitter.isCancelled()) {
                var snapshot = runs.snapshot(id).orElseThrow();
                String body = json.writeValueAsString(snapshot);
                if (!body.equals(last)) {
                    emitter.emit(sse.newEventBuilder().name("run").data(body).build());
                    last = body;
                }
                if (snapshot.finished()) {
                    emitter.complete();
                    return;
                }
                Thread.sleep(POLL);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warnf("Live events of pipeline run %s stopped: %s", id, e.getMessage());
            emitter.fail(e);
        }
    }
}
