package cn.sh.healthcloud.k8s;

import static cn.sh.healthcloud.k8s.Repository.KUSTOMIZE;
import static cn.sh.healthcloud.k8s.Repository.overlay;
import static cn.sh.healthcloud.k8s.Repository.render;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sh.healthcloud.k8s.ManifestChecker.Environment;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The service's overlays render, without warnings, into manifests that pass every check. */
class OverlaysTest {

    @ParameterizedTest
    @EnumSource(Environment.class)
    void overlayRendersWithoutWarningsAndPassesEveryCheck(Environment environment) {
        var rendering = KUSTOMIZE.build(overlay(environment.name().toLowerCase()));

        assertThat(rendering.messages()).doesNotContainIgnoringCase("deprecat").doesNotContainIgnoringCase("warning");
        var manifests = RenderedManifests.parse(rendering.yaml());
        assertThat(manifests.all()).extracting(RenderedManifests::id).contains("Namespace/healthcloud",
                "Deployment/health-cloud", "Service/health-cloud", "Ingress/health-cloud",
                "HorizontalPodAutoscaler/health-cloud", "PodDisruptionBudget/health-cloud",
                "NetworkPolicy/health-cloud", "NetworkPolicy/default-deny", "ServiceAccount/health-cloud");
        assertThat(ManifestChecker.checkService(manifests, environment)).isEmpty();
    }

    @Test
    void prodRunsAtLeastThreePinnedReplicasSpreadOverNodesAndZones() {
        var manifests = render(overlay("prod"));
        Deployment deployment = manifests.named(Deployment.class, "health-cloud").orElseThrow();
        HorizontalPodAutoscaler hpa = manifests.named(HorizontalPodAutoscaler.class, "health-cloud").orElseThrow();

        assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(3);
        assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
        assertThat(deployment.getSpec().getReplicas()).as("the HPA owns the count").isNull();
        assertThat(app(deployment).getImage()).isEqualTo("registry.example.cn/healthcloud/health-cloud:1.0.0");
        assertThat(deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints())
                .extracting(TopologySpreadConstraint::getTopologyKey, TopologySpreadConstraint::getWhenUnsatisfiable)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("topology.kubernetes.io/zone", "ScheduleAnyway"),
                        org.assertj.core.groups.Tuple.tuple("kubernetes.io/hostname", "DoNotSchedule"));
        Map<String, String> settings = settings(manifests, deployment);
        assertThat(settings).containsEntry("HEALTHCLOUD_MQTT_SSL", "true").containsEntry("HEALTHCLOUD_MQTT_PORT", "8883")
                .containsEntry("QUARKUS_REDIS_CLIENT_TYPE", "sentinel");
        assertThat(settings.get("QUARKUS_OIDC_AUTH_SERVER_URL")).startsWith("https://");
    }

    @Test
    void devRunsOneOrTwoSmallReplicasOnPlainInClusterEndpoints() {
        var manifests = render(overlay("dev"));
        Deployment deployment = manifests.named(Deployment.class, "health-cloud").orElseThrow();
        HorizontalPodAutoscaler hpa = manifests.named(HorizontalPodAutoscaler.class, "health-cloud").orElseThrow();

        assertThat(List.of(hpa.getSpec().getMinReplicas(), hpa.getSpec().getMaxReplicas())).containsExactly(1, 2);
        assertThat(app(deployment).getResources().getLimits().get("memory"))
                .matches(q -> Quantity.getAmountInBytes(q).compareTo(Quantity.getAmountInBytes(new Quantity("512Mi"))) <= 0);
        Map<String, String> settings = settings(manifests, deployment);
        assertThat(settings).containsEntry("HEALTHCLOUD_MQTT_SSL", "false").containsEntry("HEALTHCLOUD_MQTT_PORT", "1883");
        assertThat(settings.get("HEALTHCLOUD_DB_HOST")).endsWith(".healthcloud-data.svc.cluster.local");
        assertThat(settings.get("QUARKUS_OIDC_AUTH_SERVER_URL")).startsWith("http://").contains(".svc.cluster.local");
        assertThat(app(deployment).getImage()).doesNotEndWith(":latest");
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void healthIsProbedOnTheHttpPortThatOnlyTheIngressControllerReachesAndEveryReplicaHasItsOwnMqttSession(
            Environment environment) {
        var manifests = render(overlay(environment.name().toLowerCase()));
        Deployment deployment = manifests.named(Deployment.class, "health-cloud").orElseThrow();

        assertThat(settings(manifests, deployment)).doesNotContainKeys("QUARKUS_MANAGEMENT_ENABLED", "QUARKUS_MANAGEMENT_PORT");
        assertThat(app(deployment).getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
        assertThat(manifests.ofType(io.fabric8.kubernetes.api.model.networking.v1.Ingress.class).get(0).getSpec().getRules()
                .get(0).getHttp().getPaths()).extracting(p -> p.getPath()).containsExactly("/api", "/dashboard");
        assertThat(env(app(deployment), "HEALTHCLOUD_KIOSK_CLIENT_ID").getValue()).isEqualTo("healthcloud-ingest-$(POD_NAME)");
        assertThat(env(app(deployment), "POD_NAME").getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void credentialsAndKeysAreReferencesToSecretsTheOperatorsCreate(Environment environment) {
        var manifests = render(overlay(environment.name().toLowerCase()));
        Container app = app(manifests.named(Deployment.class, "health-cloud").orElseThrow());

        assertThat(manifests.ofType(Secret.class)).isEmpty();
        List<String> referenced = Stream.concat(
                        app.getEnv().stream().map(EnvVar::getValueFrom).filter(Objects::nonNull)
                                .map(v -> v.getSecretKeyRef()).filter(Objects::nonNull).map(r -> r.getName()),
                        app.getEnvFrom().stream().map(EnvFromSource::getSecretRef).filter(Objects::nonNull).map(r -> r.getName()))
                .distinct().toList();
        assertThat(referenced).containsExactlyInAnyOrder("healthcloud-credentials", "healthcloud-account-keys");
    }

    @Test
    void podMonitorComponentAddsAScrapeOfMetricsAndAdmitsPrometheus() {
        var directory = Repository.overlayOn("prod-with-pod-monitor", overlay("prod"), """
                components:
                  - %s
                """.formatted(Repository.TEST_TEMP.resolve("prod-with-pod-monitor")
                .relativize(Repository.K8S.resolve("components/pod-monitor")).toString().replace('\\', '/')), Map.of());

        var manifests = render(directory);

        GenericKubernetesResource monitor = manifests.custom("monitoring.coreos.com/v1", "PodMonitor").get(0);
        assertThat(ManifestChecker.at(monitor, "spec", "podMetricsEndpoints")).asString()
                .contains("port=http").contains("path=/q/metrics");
        assertThat(manifests.named(io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class, "health-cloud-metrics"))
                .isPresent();
        assertThat(ManifestChecker.checkService(manifests, Environment.PROD)).isEmpty();
    }

    static Container app(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals("health-cloud")).findFirst().orElseThrow();
    }

    static EnvVar env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow();
    }

    /** The ConfigMap settings the service's container reads. */
    static Map<String, String> settings(RenderedManifests manifests, Deployment deployment) {
        String name = app(deployment).getEnvFrom().stream().map(EnvFromSource::getConfigMapRef).filter(Objects::nonNull)
                .findFirst().orElseThrow().getName();
        return manifests.named(ConfigMap.class, name).orElseThrow().getData();
    }
}
