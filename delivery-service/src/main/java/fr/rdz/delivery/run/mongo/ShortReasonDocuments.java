package fr.rdz.delivery.run.mongo;

import fr.rdz.delivery.planning.domain.ShortReason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/** A batch's {@code short_reasons} in the {@code batches} collection: {@code [{code, params}]}. */
final class ShortReasonDocuments {

    static final String FIELD = "short_reasons";

    private ShortReasonDocuments() {}

    static List<Document> write(List<ShortReason> reasons) {
        List<Document> docs = new ArrayList<>(reasons.size());
        for (ShortReason r : reasons) {
            docs.add(new Document("code", r.code().name()).append("params", new Document(r.params())));
        }
        return docs;
    }

    /** The reasons recorded on a batch document; none for a batch recorded before they were. */
    static List<ShortReason> read(Document batch) {
        List<Document> docs = batch.getList(FIELD, Document.class, List.of());
        List<ShortReason> reasons = new ArrayList<>(docs.size());
        for (Document d : docs) {
            ShortReason.Code code;
            try {
                code = ShortReason.Code.valueOf(d.getString("code"));
            } catch (IllegalArgumentException | NullPointerException e) {
                continue; // a code this version does not know
            }
            Document params = d.get("params", Document.class);
            Map<String, Object> map = new LinkedHashMap<>();
            if (params != null) {
                map.putAll(params);
            }
            reasons.add(new ShortReason(code, map));
        }
        return List.copyOf(reasons);
    }
}
