package fr.rdz.crmpush.push.mongo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fr.rdz.crmpush.push.domain.PushTask;
import fr.rdz.events.EventCodec;

/** The task kept in its ledger entry (for recovery), as contract JSON: the API key in it only as ciphertext. */
final class TaskJson {

    private static final ObjectMapper MAPPER =
            EventCodec.configure(JsonMapper.builder()).build();

    private TaskJson() {}

    static String encode(PushTask task) {
        try {
            return MAPPER.writeValueAsString(task);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot encode " + task, e);
        }
    }

    static PushTask decode(String json) {
        try {
            return MAPPER.readValue(json, PushTask.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Unreadable task in the push ledger", e);
        }
    }
}
