package fr.rdz.console.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One page of a list a service answers (items, and the paging headers {@code X-Total-Count}, {@code X-Page}, {@code X-Page-Size}). */
public record Page(List<JsonNode> items, long total, int page, int size) {

    public int pages() {
        return size <= 0 ? 1 : (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }
}
