package fr.rdz.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code deploy/k8s} as {@code kubectl kustomize} renders it, each object bound to its typed model
 * (fabric8's Kubernetes API, the Strimzi operator's API): a field the schema does not know, or a
 * value of the wrong type, fails the rendering. Each kustomization is rendered once.
 */
final class RenderedManifests {

    /** What an RDZ manifest may declare, each kind bound to its schema. */
    private static final Map<String, Class<? extends HasMetadata>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("batch/v1/Job", Job.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class));

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Path k8s;
    private final Path work;
    private final Map<String, List<HasMetadata>> rendered = new ConcurrentHashMap<>();

    /** @param k8s the {@code deploy/k8s} directory; @param work where its copy is rendered */
    RenderedManifests(Path k8s, Path work) {
        this.k8s = k8s;
        this.work = work;
    }

    /** Renders a kustomization (a copy of deploy/k8s, with throwaway production secrets) and binds every object. */
    List<HasMetadata> render(String kustomization) throws Exception {
        List<HasMetadata> cached = rendered.get(kustomization);
        if (cached != null) {
            return cached;
        }
        Path copy = work.resolve("k8s");
        if (!Files.exists(copy)) {
            copyTree(k8s, copy);
            // production secrets are never committed: the operator writes secrets.env; here, throwaway values
            Files.writeString(
                    copy.resolve("overlays/production/secrets.env"),
                    Files.readString(copy.resolve("overlays/production/secrets.env.example"))
                            .lines()
                            .map(l -> l.endsWith("=") ? l + "test-" + l.substring(0, l.length() - 1) : l)
                            .collect(Collectors.joining("\n")));
        }
        Process kubectl = new ProcessBuilder(
                        "kubectl", "kustomize", copy.resolve(kustomization).toString())
                .redirectErrorStream(false)
                .start();
        String out = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kubectl.exitValue())
                .as("kubectl kustomize %s: %s", kustomization, err)
                .isZero();

        List<HasMetadata> objects = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(out)) {
            for (JsonNode node : MAPPER.readValues(parser, JsonNode.class).readAll()) {
                HasMetadata object = bind(node);
                unknownFields(object)
                        .forEach(f -> unknown.add(
                                object.getKind() + " " + object.getMetadata().getName() + ": " + f));
                objects.add(object);
            }
        }
        assertThat(unknown)
                .as("fields unknown to the schema in " + kustomization)
                .isEmpty();
        rendered.put(kustomization, objects);
        return objects;
    }

    static HasMetadata bind(JsonNode node) throws IOException {
        String key = node.path("apiVersion").asText() + "/" + node.path("kind").asText();
        Class<? extends HasMetadata> model = MODELS.get(key);
        if (model == null) {
            throw new IllegalArgumentException(
                    "no schema for " + key + " (" + node.path("metadata").path("name") + ")");
        }
        try {
            return MAPPER.treeToValue(node, model);
        } catch (IOException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    static JsonNode bindable(String text) throws IOException {
        return MAPPER.readTree(new YAMLFactory().createParser(text));
    }

    /**
     * The paths of the fields the typed model did not know: fabric8 and Strimzi models keep them in
     * {@code additionalProperties} instead of failing, so an unknown field is found by walking the tree.
     */
    static List<String> unknownFields(Object root) {
        List<String> found = new ArrayList<>();
        walk(root, "", found);
        return found.stream().distinct().toList();
    }

    private static void walk(Object node, String path, List<String> found) {
        if (node == null
                || node instanceof String
                || node instanceof Number
                || node instanceof Boolean
                || node instanceof Enum<?>) {
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, found));
            return;
        }
        if (node instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                walk(item, path + "[" + i++ + "]", found);
            }
            return;
        }
        String pkg = node.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8") && !pkg.startsWith("io.strimzi")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class
                    || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(k -> found.add((path + "." + k).substring(1)));
                }
                continue;
            }
            String field = getter.getName().startsWith("is")
                    ? getter.getName().substring(2)
                    : getter.getName().substring(3);
            walk(value, path + "." + Character.toLowerCase(field.charAt(0)) + field.substring(1), found);
        }
    }

    static <T extends HasMetadata> Map<String, T> byName(List<HasMetadata> objects, Class<T> type) {
        return objects.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .collect(Collectors.toMap(o -> o.getMetadata().getName(), o -> o));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p :
                    paths.filter(p -> !from.relativize(p).startsWith("target")).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
