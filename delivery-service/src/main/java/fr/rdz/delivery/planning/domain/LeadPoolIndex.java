package fr.rdz.delivery.planning.domain;

import fr.rdz.events.CommandeSnapshot;
import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The distributable pool of one run, indexed by entity × product × kind (Fresh/LB) × département.
 * Each bucket is a contiguous, oldest-first segment of one array followed by a sentinel slot; taken
 * leads are skipped with a "next untaken" forest (path compression), so a lead once taken is never
 * scanned again. Building costs one pass and a sort of the pool; serving a commande costs its
 * buckets plus the leads it looks at — never pool × commandes.
 */
public final class LeadPoolIndex {

    private static final Comparator<PoolLead> OLDEST_FIRST = (a, b) -> {
        int byTime = a.receivedAt().compareTo(b.receivedAt());
        return byTime != 0 ? byTime : a.leadId().compareTo(b.leadId());
    };

    private record BucketKey(Entity entity, Product product, LeadAge.Kind kind) {}

    /** One département's segment: [start, end) in {@link #leads}, sentinel at {@code end}. */
    private record Segment(int start, int end) {}

    private final PoolLead[] leads;
    private final int[] next;
    private final Map<BucketKey, Map<String, Segment>> buckets;

    private LeadPoolIndex(PoolLead[] leads, Map<BucketKey, Map<String, Segment>> buckets) {
        this.leads = leads;
        this.buckets = buckets;
        this.next = new int[leads.length];
        for (int i = 0; i < next.length; i++) {
            next[i] = i;
        }
    }

    /** Indexes the leads of {@code entities} that {@code age} classifies as Fresh or LB; the others are left out. */
    public static LeadPoolIndex build(Collection<PoolLead> pool, Set<Entity> entities, LeadAge age) {
        Map<BucketKey, Map<String, List<PoolLead>>> grouped = new HashMap<>();
        for (PoolLead lead : pool) {
            if (lead.entity() == null
                    || !entities.contains(lead.entity())
                    || lead.product() == null
                    || lead.departement() == null
                    || lead.phone() == null) {
                continue;
            }
            age.classify(lead).ifPresent(kind -> grouped.computeIfAbsent(
                            new BucketKey(lead.entity(), lead.product(), kind), k -> new HashMap<>())
                    .computeIfAbsent(lead.departement(), d -> new ArrayList<>())
                    .add(lead));
        }
        int size = 0;
        for (Map<String, List<PoolLead>> byDep : grouped.values()) {
            for (List<PoolLead> list : byDep.values()) {
                size += list.size() + 1;
            }
        }
        PoolLead[] array = new PoolLead[size];
        Map<BucketKey, Map<String, Segment>> buckets = new HashMap<>();
        int position = 0;
        for (var bucket : grouped.entrySet()) {
            Map<String, Segment> segments = new HashMap<>();
            for (var dep : bucket.getValue().entrySet()) {
                List<PoolLead> list = dep.getValue();
                list.sort(OLDEST_FIRST);
                int start = position;
                for (PoolLead lead : list) {
                    array[position++] = lead;
                }
                segments.put(dep.getKey(), new Segment(start, position));
                position++; // sentinel
            }
            buckets.put(bucket.getKey(), segments);
        }
        return new LeadPoolIndex(array, buckets);
    }

    /** Candidates for a commande's product and départements ({@code *}: all) of one entity and kind, oldest first. */
    public Candidates candidates(Entity entity, Product product, LeadAge.Kind kind, List<String> departements) {
        Map<String, Segment> segments = buckets.getOrDefault(new BucketKey(entity, product, kind), Map.of());
        List<Segment> chosen = new ArrayList<>();
        if (departements == null || departements.contains(CommandeSnapshot.ALL_DEPARTEMENTS)) {
            chosen.addAll(segments.values());
        } else {
            for (String dep : departements) {
                Segment s = segments.get(dep);
                if (s != null) {
                    chosen.add(s);
                }
            }
        }
        return new Candidates(chosen);
    }

    public PoolLead lead(int position) {
        return leads[position];
    }

    /** The lead at {@code position} goes to a client: no later scan will see it. */
    public void take(int position) {
        next[position] = position + 1;
    }

    private int firstUntakenFrom(int position) {
        int root = position;
        while (next[root] != root) {
            root = next[root];
        }
        while (next[position] != root) {
            int following = next[position];
            next[position] = root;
            position = following;
        }
        return root;
    }

    /** A merged, oldest-first walk over some segments, skipping taken leads. */
    public final class Candidates {

        private record Head(int position, Segment segment) {}

        private final PriorityQueue<Head> heads =
                new PriorityQueue<>((a, b) -> OLDEST_FIRST.compare(leads[a.position], leads[b.position]));

        private Candidates(List<Segment> segments) {
            for (Segment s : segments) {
                push(s.start(), s);
            }
        }

        private void push(int from, Segment segment) {
            int position = firstUntakenFrom(from);
            if (position < segment.end()) {
                heads.add(new Head(position, segment));
            }
        }

        /** The position of the oldest untaken candidate, or -1 when none is left. */
        public int next() {
            while (!heads.isEmpty()) {
                Head head = heads.poll();
                int position = firstUntakenFrom(head.position());
                if (position >= head.segment().end()) {
                    continue;
                }
                if (position != head.position()) {
                    heads.add(new Head(position, head.segment()));
                    continue;
                }
                push(position + 1, head.segment());
                return position;
            }
            return -1;
        }
    }
}
