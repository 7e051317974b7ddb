package cn.sh.healthcloud.k8s;

import static cn.sh.healthcloud.k8s.Repository.overlay;
import static cn.sh.healthcloud.k8s.Repository.overlayOn;
import static cn.sh.healthcloud.k8s.Repository.render;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sh.healthcloud.k8s.ManifestChecker.Environment;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checks can fail: each case renders a deliberately broken overlay on top of a real one, in
 * target/test-temp, and expects the checker to name the fault.
 */
class CheckerCatchesBrokenManifestsTest {

    private static final String DEPLOYMENT_PATCH = """
            patches:
              - target:
                  kind: Deployment
                  name: health-cloud
                patch: |-
            %s
            """;

    /** A JSON patch of the service's Deployment, indented for DEPLOYMENT_PATCH. */
    private static String deploymentPatch(String operations) {
        return DEPLOYMENT_PATCH.formatted(operations.indent(6).stripTrailing());
    }

    static Stream<Arguments> brokenServiceOverlays() {
        String container = "/spec/template/spec/containers/0";
        return Stream.of(
                Arguments.of("image-latest", Environment.PROD, """
                        images:
                          - name: registry.example.cn/healthcloud/health-cloud
                            newTag: latest
                        """, Map.of(), "uses the tag latest"),
                Arguments.of("image-snapshot-in-prod", Environment.PROD, """
                        images:
                          - name: registry.example.cn/healthcloud/health-cloud
                            newTag: 1.0.0-SNAPSHOT
                        """, Map.of(), "not pinned to a released version"),
                Arguments.of("image-without-tag", Environment.DEV, deploymentPatch("""
                        - op: replace
                          path: %s/image
                          value: registry.example.cn/healthcloud/health-cloud
                        """.formatted(container)), Map.of(), "has no explicit tag"),
                Arguments.of("image-foreign-registry", Environment.DEV, """
                        images:
                          - name: registry.example.cn/healthcloud/health-cloud
                            newName: docker.io/healthcloud/health-cloud
                        """, Map.of(), "is not from registry.example.cn/"),
                Arguments.of("liveness-probe-dropped", Environment.PROD, deploymentPatch("""
                        - op: remove
                          path: %s/livenessProbe
                        """.formatted(container)), Map.of(), "has no livenessProbe"),
                Arguments.of("readiness-on-another-port", Environment.PROD, deploymentPatch("""
                        - op: replace
                          path: %s/readinessProbe/httpGet/port
                          value: 9000
                        """.formatted(container)), Map.of(), "readinessProbe is not on the http port 8080"),
                Arguments.of("writable-root-filesystem", Environment.PROD, deploymentPatch("""
                        - op: replace
                          path: %s/securityContext/readOnlyRootFilesystem
                          value: false
                        """.formatted(container)), Map.of(), "has a writable root file system"),
                Arguments.of("misspelt-field", Environment.PROD, deploymentPatch("""
                        - op: add
                          path: %s/securityContext/readOnlyRootFileSystem
                          value: true
                        """.formatted(container)), Map.of(),
                        "unknown field spec.template.spec.containers[0].securityContext.readOnlyRootFileSystem"),
                Arguments.of("runs-as-root", Environment.PROD, deploymentPatch("""
                        - op: replace
                          path: %1$s/securityContext/runAsUser
                          value: 0
                        - op: remove
                          path: %1$s/securityContext/capabilities
                        """.formatted(container)), Map.of(), "does not run as user 1001"),
                Arguments.of("no-limits", Environment.DEV, deploymentPatch("""
                        - op: remove
                          path: %s/resources/limits
                        """.formatted(container)), Map.of(), "has no memory limit"),
                Arguments.of("no-tmp-volume", Environment.DEV, deploymentPatch("""
                        - op: remove
                          path: %s/volumeMounts
                        """.formatted(container)), Map.of(), "has no emptyDir at /tmp"),
                Arguments.of("committed-secret", Environment.PROD, """
                          - secret.yaml
                        """, Map.of("secret.yaml", """
                        apiVersion: v1
                        kind: Secret
                        metadata:
                          name: healthcloud-credentials
                          namespace: healthcloud
                        stringData:
                          db-password: hunter2
                        """), "a Secret with values is committed"),
                Arguments.of("literal-password", Environment.PROD, deploymentPatch("""
                        - op: test
                          path: %1$s/env/3/name
                          value: QUARKUS_DATASOURCE_PASSWORD
                        - op: replace
                          path: %1$s/env/3
                          value: {name: QUARKUS_DATASOURCE_PASSWORD, value: hunter2}
                        """.formatted(container)), Map.of(), "sets QUARKUS_DATASOURCE_PASSWORD to a literal value"),
                Arguments.of("key-in-configmap", Environment.PROD, """
                        configMapGenerator:
                          - name: healthcloud-config
                            behavior: merge
                            literals:
                              - HEALTHCLOUD_ACCOUNT_LOOKUP_KEY=mcSei2SuuKlQUW5OhyPwbBUEYpIVaSlbZQUHXDH+qnA=
                        """, Map.of(), "HEALTHCLOUD_ACCOUNT_LOOKUP_KEY, a credential or key"),
                Arguments.of("redis-password-in-url", Environment.PROD, """
                        configMapGenerator:
                          - name: healthcloud-config
                            behavior: merge
                            literals:
                              - QUARKUS_REDIS_HOSTS=redis://:hunter2@healthcloud-redis-0:26379/0
                        """, Map.of(), "QUARKUS_REDIS_HOSTS looks like a key or carries credentials"),
                Arguments.of("replica-keeps-its-session-on-stop", Environment.PROD, """
                        configMapGenerator:
                          - name: healthcloud-config
                            behavior: merge
                            literals:
                              - HEALTHCLOUD_KIOSK_LEAVE_GROUP_ON_STOP=false
                        """, Map.of(), "needs HEALTHCLOUD_KIOSK_LEAVE_GROUP_ON_STOP=true"),
                Arguments.of("management-interface-at-run-time", Environment.DEV, """
                        configMapGenerator:
                          - name: healthcloud-config
                            behavior: merge
                            literals:
                              - QUARKUS_MANAGEMENT_ENABLED=true
                        """, Map.of(), "which is fixed when the image is built"),
                Arguments.of("health-and-metrics-published", Environment.PROD, """
                        patches:
                          - target:
                              kind: Ingress
                              name: health-cloud
                            patch: |-
                              - op: replace
                                path: /spec/rules/0/http/paths/0/path
                                value: /
                        """, Map.of(), "publishes /: only /api and /dashboard may leave the cluster"),
                Arguments.of("missing-configmap", Environment.DEV, deploymentPatch("""
                        - op: replace
                          path: %s/envFrom/0/configMapRef/name
                          value: healthcloud-settings
                        """.formatted(container)), Map.of(), "reads the missing ConfigMap healthcloud-settings"),
                Arguments.of("ingress-from-anywhere", Environment.PROD, """
                        patches:
                          - target:
                              kind: NetworkPolicy
                              name: health-cloud
                            patch: |-
                              - op: add
                                path: /spec/ingress/-
                                value:
                                  ports:
                                    - port: 8080
                        """, Map.of(), "an ingress rule admits every source"),
                Arguments.of("another-port-open-to-ingress-controller", Environment.PROD, """
                        patches:
                          - target:
                              kind: NetworkPolicy
                              name: health-cloud
                            patch: |-
                              - op: add
                                path: /spec/ingress/0/ports/-
                                value:
                                  port: 9000
                        """, Map.of(), "ingress should be exactly"),
                Arguments.of("egress-to-the-internet", Environment.PROD, """
                        patches:
                          - target:
                              kind: NetworkPolicy
                              name: health-cloud
                            patch: |-
                              - op: add
                                path: /spec/egress/-
                                value:
                                  to:
                                    - ipBlock:
                                        cidr: 0.0.0.0/0
                                  ports:
                                    - port: 443
                        """, Map.of(), "reaches something other than pods of a named namespace"),
                Arguments.of("too-few-replicas-in-prod", Environment.PROD, """
                        patches:
                          - target:
                              kind: HorizontalPodAutoscaler
                              name: health-cloud
                            patch: |-
                              - op: replace
                                path: /spec/minReplicas
                                value: 2
                        """, Map.of(), "production needs at least 3 replicas"),
                Arguments.of("budget-selects-nothing", Environment.PROD, """
                        patches:
                          - target:
                              kind: PodDisruptionBudget
                              name: health-cloud
                            patch: |-
                              - op: replace
                                path: /spec/selector/matchLabels
                                value: {app.kubernetes.io/name: health-cloud-old}
                        """, Map.of(), "no policy/v1 PodDisruptionBudget selects its pods"),
                Arguments.of("ingress-without-tls", Environment.DEV, """
                        patches:
                          - target:
                              kind: Ingress
                              name: health-cloud
                            patch: |-
                              - op: remove
                                path: /spec/tls
                        """, Map.of(), "has no TLS"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenServiceOverlays")
    void serviceCheckerNamesTheFault(String name, Environment environment, String kustomization,
            Map<String, String> files, String expected) {
        var directory = overlayOn(name, overlay(environment.name().toLowerCase()), kustomization, files);

        var findings = ManifestChecker.checkService(render(directory), environment);

        assertThat(findings).anySatisfy(finding -> assertThat(finding).contains(expected));
    }

    @ParameterizedTest(name = "unchanged {0}")
    @MethodSource("environments")
    void anUnchangedOverlayOnTopOfTheRealOneHasNoFindings(Environment environment) {
        var directory = overlayOn("unchanged-" + environment, overlay(environment.name().toLowerCase()), "", Map.of());

        assertThat(ManifestChecker.checkService(render(directory), environment)).isEmpty();
    }

    static Stream<Environment> environments() {
        return Stream.of(Environment.values());
    }

    static Stream<Arguments> brokenExamples() {
        return Stream.of(
                Arguments.of("broker-drops-queued-messages", """
                        patches:
                          - target:
                              kind: EMQX
                            patch: |-
                              - op: replace
                                path: /spec/config/data
                                value: |
                                  mqtt { max_packet_size = 64KB, max_mqueue_len = 1000, shared_subscription = true }
                        """, "max_mqueue_len = infinity"),
                Arguments.of("broker-packets-too-small", """
                        patches:
                          - target:
                              kind: EMQX
                            patch: |-
                              - op: replace
                                path: /spec/config/data
                                value: |
                                  mqtt { max_packet_size = 64KB }
                        """, "max_packet_size must be at least 262144 bytes"),
                Arguments.of("example-not-marked", """
                        patches:
                          - target:
                              kind: Keycloak
                            patch: |-
                              - op: remove
                                path: /metadata/labels/healthcloud.sh.cn~1example
                        """, "Keycloak/healthcloud-keycloak: not labelled"),
                Arguments.of("redis-evicts", """
                        patches:
                          - target:
                              kind: ConfigMap
                              name: healthcloud-redis-scripts
                            patch: |-
                              - op: replace
                                path: /data/redis.sh
                                value: "exec redis-server --maxmemory-policy allkeys-lru"
                        """, "maxmemory-policy must be noeviction or volatile-*"),
                Arguments.of("database-without-pod-role", """
                        patches:
                          - target:
                              kind: Cluster
                              name: healthcloud-pg
                            patch: |-
                              - op: remove
                                path: /spec/inheritedMetadata
                        """, "healthcloud.sh.cn/role=postgresql"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenExamples")
    void exampleCheckerNamesTheFault(String name, String kustomization, String expected) {
        var directory = overlayOn(name, overlay("prod/examples"), kustomization, Map.of());

        var findings = ManifestChecker.checkExamples(render(directory));

        assertThat(findings).anySatisfy(finding -> assertThat(finding).contains(expected));
    }
}
