package fr.rdz.crmpush.push.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fr.rdz.crmpush.push.domain.PushTask;
import fr.rdz.crmpush.push.domain.UnreadableTaskException;
import fr.rdz.events.EventCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The JSON of a push task on {@code rdz.crm-push.tasks.v1} (and its retry and dead-letter topics): the contract's settings, snake_case. */
public final class PushTaskCodec {

    private static final ObjectMapper MAPPER =
            EventCodec.configure(JsonMapper.builder()).build();

    private PushTaskCodec() {}

    public static byte[] encode(PushTask task) {
        try {
            return MAPPER.writeValueAsBytes(task);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot encode " + task, e);
        }
    }

    public static PushTask decode(byte[] value) {
        if (value == null) {
            throw new UnreadableTaskException("Empty task record", null);
        }
        try {
            PushTask task = MAPPER.readValue(value, PushTask.class);
            if (task.batchId() == null || task.leadId() == null) {
                throw new UnreadableTaskException("Task without batch_id or lead", null);
            }
            return task;
        } catch (IOException e) {
            throw new UnreadableTaskException("Not a push task", e);
        }
    }

    public static String text(byte[] value) {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }
}
