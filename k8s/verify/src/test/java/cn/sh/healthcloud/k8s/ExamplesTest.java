package cn.sh.healthcloud.k8s;

import static cn.sh.healthcloud.k8s.Repository.KUSTOMIZE;
import static cn.sh.healthcloud.k8s.Repository.overlay;
import static cn.sh.healthcloud.k8s.Repository.render;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example manifests of the stateful servers (overlays/prod/examples). */
class ExamplesTest {

    static final Path EXAMPLES = overlay("prod/examples");

    @Test
    void examplesRenderWithoutWarningsMarkedAndWithTheSettingsTheServiceReliesOn() {
        var rendering = KUSTOMIZE.build(EXAMPLES);

        assertThat(rendering.messages()).doesNotContainIgnoringCase("deprecat").doesNotContainIgnoringCase("warning");
        var manifests = RenderedManifests.parse(rendering.yaml());
        assertThat(manifests.all()).extracting(RenderedManifests::id).contains("Cluster/healthcloud-pg",
                "StatefulSet/healthcloud-redis", "EMQX/healthcloud-emqx", "Keycloak/healthcloud-keycloak");
        assertThat(ManifestChecker.checkExamples(manifests)).isEmpty();
    }

    @Test
    void everyExampleFileSaysSoInItsFirstLine() throws IOException {
        try (var files = Files.list(EXAMPLES)) {
            List<Path> yaml = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertThat(yaml).hasSizeGreaterThanOrEqualTo(6);
            for (Path file : yaml) {
                assertThat(Files.readAllLines(file).get(0)).as(file.getFileName().toString()).startsWith("# EXAMPLE");
            }
        }
    }

    @Test
    void theProdOverlayConnectsToTheServersTheExamplesDefine() {
        var examples = render(EXAMPLES);
        var prod = render(overlay("prod"));
        Map<String, String> settings = OverlaysTest.settings(prod, prod.named(Deployment.class, "health-cloud").orElseThrow());

        GenericKubernetesResource postgres = examples.custom("postgresql.cnpg.io/", "Cluster").stream()
                .filter(c -> c.getMetadata().getName().equals("healthcloud-pg")).findFirst().orElseThrow();
        assertThat(settings.get("HEALTHCLOUD_DB_HOST"))
                .isEqualTo(postgres.getMetadata().getName() + "-rw.healthcloud-data.svc.cluster.local");
        assertThat(settings.get("HEALTHCLOUD_DB_NAME")).isEqualTo(ManifestChecker.at(postgres, "spec", "bootstrap", "initdb", "database"));

        StatefulSet redis = examples.named(StatefulSet.class, "healthcloud-redis").orElseThrow();
        Service headless = examples.named(Service.class, redis.getSpec().getServiceName()).orElseThrow();
        for (int i = 0; i < redis.getSpec().getReplicas(); i++) {
            assertThat(settings.get("QUARKUS_REDIS_HOSTS")).contains("redis://" + redis.getMetadata().getName() + "-" + i + "."
                    + headless.getMetadata().getName() + ".healthcloud-data.svc.cluster.local:26379/0");
        }
        String sentinel = examples.named(ConfigMap.class, "healthcloud-redis-scripts").orElseThrow().getData().get("sentinel.sh");
        assertThat(sentinel).contains("sentinel monitor " + settings.get("QUARKUS_REDIS_MASTER_NAME") + " ");

        String brokerName = examples.custom("cert-manager.io/", "Certificate").stream()
                .filter(c -> c.getMetadata().getName().equals("healthcloud-emqx-tls"))
                .map(c -> ((List<?>) ManifestChecker.at(c, "spec", "dnsNames")).get(0).toString()).findFirst().orElseThrow();
        assertThat(settings.get("HEALTHCLOUD_MQTT_HOST")).isEqualTo(brokerName);
        assertThat(String.valueOf(ManifestChecker.at(examples.custom("apps.emqx.io/", "EMQX").get(0), "spec", "config", "data")))
                .contains("certfile = \"/opt/emqx/etc/certs/healthcloud/tls.crt\"");

        GenericKubernetesResource keycloak = examples.custom("k8s.keycloak.org/", "Keycloak").get(0);
        URI issuer = URI.create(settings.get("QUARKUS_OIDC_AUTH_SERVER_URL"));
        assertThat(issuer.getScheme() + "://" + issuer.getHost()).isEqualTo(ManifestChecker.at(keycloak, "spec", "hostname", "hostname"));
        assertThat(issuer.getPath()).isEqualTo("/realms/healthcloud");
    }
}
