package fr.rdz.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import fr.rdz.events.Topics;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code deploy/k8s} (base and the production overlay), rendered and bound to its schemas by {@link
 * RenderedManifests}, must keep the promises of docs/scaling.md (probes, limits, budgets, topics).
 */
class KubernetesManifestsTest {

    /** The RDZ deployables and their HTTP ports. */
    private static final Map<String, Integer> SERVICES = Map.of(
            "intake", 8081, "routing", 8082, "delivery", 8083, "notifier", 8084, "crm-push", 8085, "console", 8080);

    private static RenderedManifests manifests;

    @TempDir
    static Path work;

    @BeforeAll
    static void findManifests() throws IOException {
        Path k8s = Path.of("").toAbsolutePath();
        if (!Files.exists(k8s.resolve("base/kustomization.yaml"))) {
            k8s = k8s.resolve("deploy/k8s");
        }
        assertThat(k8s.resolve("base/kustomization.yaml")).exists();
        manifests = new RenderedManifests(k8s, work);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production"})
    void everyObjectBindsToItsSchemaWithNoUnknownField(String kustomization) throws Exception {
        List<HasMetadata> objects = manifests.render(kustomization);

        assertThat(objects).hasSizeGreaterThan(30);
        assertThat(objects).allSatisfy(o -> assertThat(o.getMetadata().getNamespace())
                .as(o.getKind() + " " + o.getMetadata().getName())
                .isIn("rdz", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production"})
    void everyServiceRunsWithLimitsProbesOnTheActuatorGroupsAndADisruptionBudget(String kustomization)
            throws Exception {
        List<HasMetadata> objects = manifests.render(kustomization);
        Map<String, Deployment> deployments = RenderedManifests.byName(objects, Deployment.class);
        Map<String, Service> services = RenderedManifests.byName(objects, Service.class);
        Map<String, PodDisruptionBudget> budgets = RenderedManifests.byName(objects, PodDisruptionBudget.class);

        SERVICES.forEach((name, port) -> {
            Deployment deployment = deployments.get("rdz-" + name);
            assertThat(deployment).as("Deployment rdz-" + name).isNotNull();
            Container container =
                    deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
            assertThat(container.getPorts().get(0).getContainerPort()).isEqualTo(port);
            assertProbe(container.getLivenessProbe(), "/actuator/health/liveness");
            assertProbe(container.getReadinessProbe(), "/actuator/health/readiness");
            assertThat(services.get("rdz-" + name).getSpec().getPorts().get(0).getPort())
                    .isEqualTo(port);
            PodDisruptionBudget budget = budgets.get("rdz-" + name);
            assertThat(budget).as("PodDisruptionBudget rdz-" + name).isNotNull();
            assertThat(budget.getSpec().getSelector().getMatchLabels())
                    .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                    .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production"})
    void secretsComeOnlyFromTheSecretAndEveryReferencedKeyExists(String kustomization) throws Exception {
        List<HasMetadata> objects = manifests.render(kustomization);
        List<Secret> secrets = objects.stream()
                .filter(Secret.class::isInstance)
                .map(Secret.class::cast)
                .toList();
        assertThat(secrets).hasSize(1);
        Secret secret = secrets.get(0);
        Set<String> keys = secret.getData().keySet();

        for (Deployment deployment :
                RenderedManifests.byName(objects, Deployment.class).values()) {
            for (EnvVar env : deployment
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .get(0)
                    .getEnv()) {
                if (env.getName().contains("PASSWORD") || env.getName().contains("SECRET")) {
                    assertThat(env.getValue())
                            .as(deployment.getMetadata().getName() + " " + env.getName() + " in clear")
                            .isNull();
                    assertThat(env.getValueFrom().getSecretKeyRef().getName())
                            .isEqualTo(secret.getMetadata().getName());
                    assertThat(keys)
                            .contains(env.getValueFrom().getSecretKeyRef().getKey());
                }
            }
            assertThat(deployment
                            .getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers()
                            .get(0)
                            .getEnv())
                    .extracting(EnvVar::getName)
                    .contains("RDZ_ADMIN_PASSWORD");
        }
    }

    @Test
    void intakeScalesOnCpuWithinBoundsAndItsDeploymentLeavesTheReplicasToTheAutoscaler() throws Exception {
        for (String kustomization : List.of("base", "overlays/production")) {
            List<HasMetadata> objects = manifests.render(kustomization);
            HorizontalPodAutoscaler hpa = RenderedManifests.byName(objects, HorizontalPodAutoscaler.class)
                    .get("rdz-intake");
            assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("rdz-intake");
            assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
            assertThat(hpa.getSpec().getMaxReplicas())
                    .isGreaterThan(hpa.getSpec().getMinReplicas());
            assertThat(hpa.getSpec().getMetrics().get(0).getResource().getName())
                    .isEqualTo("cpu");
            assertThat(RenderedManifests.byName(objects, Deployment.class)
                            .get("rdz-intake")
                            .getSpec()
                            .getReplicas())
                    .isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production"})
    void theServicesThatSignProofLinksGetThePublicProofBaseUrl(String kustomization) throws Exception {
        List<HasMetadata> objects = manifests.render(kustomization);
        Map<String, ConfigMap> configs = RenderedManifests.byName(objects, ConfigMap.class);
        Map<String, Deployment> deployments = RenderedManifests.byName(objects, Deployment.class);
        for (String service : List.of("routing", "crm-push", "notifier")) {
            Container container = deployments
                    .get("rdz-" + service)
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .get(0);
            List<String> fromConfigMaps = container.getEnvFrom().stream()
                    .filter(e -> e.getConfigMapRef() != null)
                    .map(e -> e.getConfigMapRef().getName())
                    .toList();
            String url = fromConfigMaps.stream()
                    .map(configs::get)
                    .filter(c -> c != null && c.getData().containsKey("RDZ_PROOF_BASE_URL"))
                    .map(c -> c.getData().get("RDZ_PROOF_BASE_URL"))
                    .findFirst()
                    .orElse(null);
            assertThat(url).as(service + " RDZ_PROOF_BASE_URL").isNotBlank().doesNotEndWith("/");
            if (kustomization.startsWith("overlays")) {
                assertThat(url).as(service + " production proof links").startsWith("https://");
            }
        }
    }

    /**
     * JSON logs are only worth their correlation ids: wherever a service logs JSON, its use cases' lines on
     * reactive threads (Mongo driver, Kafka producer) must carry the ids of the event being handled, which
     * takes Reactor's automatic context propagation ({@code spring.reactor.context-propagation=auto}).
     */
    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production"})
    void everyServiceThatLogsJsonPropagatesTheCorrelationIdsAcrossReactiveThreads(String kustomization)
            throws Exception {
        List<HasMetadata> objects = manifests.render(kustomization);
        Map<String, ConfigMap> configs = RenderedManifests.byName(objects, ConfigMap.class);
        Map<String, Deployment> deployments = RenderedManifests.byName(objects, Deployment.class);
        SERVICES.keySet().forEach(service -> {
            Container container = deployments
                    .get("rdz-" + service)
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .get(0);
            Map<String, String> env = new java.util.HashMap<>();
            container.getEnvFrom().stream()
                    .filter(e -> e.getConfigMapRef() != null)
                    .map(e -> configs.get(e.getConfigMapRef().getName()))
                    .filter(java.util.Objects::nonNull)
                    .forEach(c -> env.putAll(c.getData()));
            container.getEnv().stream()
                    .filter(e -> e.getValue() != null)
                    .forEach(e -> env.put(e.getName(), e.getValue()));
            assertThat(env.get("LOGGING_STRUCTURED_FORMAT_CONSOLE"))
                    .as(service + " JSON logs")
                    .isIn("ecs", "logstash");
            assertThat(env.get("SPRING_REACTOR_CONTEXT_PROPAGATION"))
                    .as(service + " correlation ids on reactive threads")
                    .isEqualTo("auto");
        });
    }

    @Test
    void productionRunsSeveralInstancesOfEveryServiceAndThreeDeliveries() throws Exception {
        Map<String, Deployment> deployments =
                RenderedManifests.byName(manifests.render("overlays/production"), Deployment.class);
        SERVICES.keySet().stream().filter(s -> !s.equals("intake")).forEach(s -> assertThat(
                        deployments.get("rdz-" + s).getSpec().getReplicas())
                .as(s)
                .isGreaterThanOrEqualTo(2));
        assertThat(deployments.get("rdz-delivery").getSpec().getReplicas()).isEqualTo(3);
        assertThat(deployments.values()).allSatisfy(d -> assertThat(d.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getImage())
                .startsWith("registry.rdz.example/rdz/")
                .doesNotContain("SNAPSHOT"));
    }

    @Test
    void everyTopicOfTheWireContractExistsWithItsPartitionsReplicatedAndBoundedRetention() throws Exception {
        List<HasMetadata> objects = manifests.render("overlays/production");
        Map<String, KafkaTopic> topics = objects.stream()
                .filter(KafkaTopic.class::isInstance)
                .map(KafkaTopic.class::cast)
                .collect(Collectors.toMap(t -> t.getSpec().getTopicName(), t -> t));
        Kafka kafka = objects.stream()
                .filter(Kafka.class::isInstance)
                .map(Kafka.class::cast)
                .findFirst()
                .orElseThrow();

        assertThat(topics.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        Topics.ALL.stream().map(Topics.Spec::name).toList());
        for (Topics.Spec spec : Topics.ALL) {
            KafkaTopic topic = topics.get(spec.name());
            assertThat(topic.getMetadata().getLabels())
                    .containsEntry("strimzi.io/cluster", kafka.getMetadata().getName());
            assertThat(topic.getSpec().getPartitions()).as(spec.name()).isGreaterThanOrEqualTo(spec.partitions());
            assertThat(topic.getSpec().getReplicas()).isEqualTo(3);
            Map<String, Object> config = topic.getSpec().getConfig();
            assertThat(config).containsEntry("min.insync.replicas", 2);
            if (spec.compacted()) {
                assertThat(config).containsEntry("cleanup.policy", "compact");
            } else {
                // personal data: a lead event is never kept longer than 30 days on the broker
                assertThat(((Number) config.get("retention.ms")).longValue())
                        .isPositive()
                        .isLessThanOrEqualTo(Duration.ofDays(30).toMillis());
            }
        }
        assertThat(kafka.getSpec().getKafka().getConfig())
                .containsEntry("auto.create.topics.enable", false)
                .containsEntry("min.insync.replicas", 2);
        KafkaNodePool pool = objects.stream()
                .filter(KafkaNodePool.class::isInstance)
                .map(KafkaNodePool.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(pool.getSpec().getReplicas()).isEqualTo(3);
    }

    @Test
    void mongoIsAThreeMemberReplicaSetAndEveryServiceWritesWithMajority() throws Exception {
        List<HasMetadata> objects = manifests.render("overlays/production");
        StatefulSet mongo = RenderedManifests.byName(objects, StatefulSet.class).get("rdz-mongo");
        assertThat(mongo.getSpec().getReplicas()).isEqualTo(3);
        assertThat(mongo.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getArgs())
                .containsSequence("--replSet", "rs0");
        assertThat(RenderedManifests.byName(objects, Job.class)).containsKey("rdz-mongo-init");
        RenderedManifests.byName(objects, Deployment.class).forEach((name, deployment) -> {
            List<EnvVar> env = deployment
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .get(0)
                    .getEnv();
            env.stream().filter(e -> e.getName().equals("MONGODB_URI")).forEach(e -> assertThat(e.getValue())
                    .as(name)
                    .contains("replicaSet=rs0")
                    .contains("w=majority")
                    .contains("rdz-mongo-0.rdz-mongo", "rdz-mongo-1.rdz-mongo", "rdz-mongo-2.rdz-mongo"));
        });
    }

    @Test
    void aFieldTheSchemaDoesNotKnowIsRefused() throws Exception {
        String misspelt =
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replicas: 1
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: x
                          image: x
                          livenesProbe: {httpGet: {path: /, port: 80}}
                """;
        assertThat(RenderedManifests.unknownFields(RenderedManifests.bind(RenderedManifests.bindable(misspelt))))
                .containsExactly("spec.template.spec.containers[0].livenesProbe");
        String wrongType = misspelt.replace("livenesProbe", "livenessProbe").replace("replicas: 1", "replicas: two");
        try {
            RenderedManifests.bind(RenderedManifests.bindable(wrongType));
            fail("replicas: two was accepted");
        } catch (IllegalArgumentException | IOException expected) {
            assertThat(expected).hasMessageContaining("replicas");
        }
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe).as(path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getTimeoutSeconds()).isNotNull();
    }
}
