package cn.sh.healthcloud.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The invariants of the rendered manifests (k8s/README.md): each check adds a finding, a sentence
 * naming the object and what is wrong with it. No findings means the rendering is acceptable.
 */
public final class ManifestChecker {

    /** Which overlay: production pins versions and needs at least three replicas. */
    public enum Environment { DEV, PROD }

    public static final String REGISTRY = "registry.example.cn/";
    public static final String APP_IMAGE = REGISTRY + "healthcloud/health-cloud";
    public static final String APP_NAMESPACE = "healthcloud";
    public static final String DATA_NAMESPACE = "healthcloud-data";
    public static final String INGRESS_NAMESPACE = "ingress-nginx";
    public static final String MONITORING_NAMESPACE = "monitoring";
    public static final String EXAMPLE_LABEL = "healthcloud.sh.cn/example";
    public static final String ROLE_LABEL = "healthcloud.sh.cn/role";
    public static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
    public static final int HTTP_PORT = 8080;
    /** The service's largest accepted kiosk message (healthcloud.kiosk.max-message-bytes). */
    public static final long MAX_MESSAGE_BYTES = 262_144;

    /** Settings that are credentials or keys: from a Secret, never a literal. */
    static final Set<String> SECRET_SETTINGS = Set.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
            "HEALTHCLOUD_MQTT_PASSWORD", "QUARKUS_REDIS_PASSWORD", "HEALTHCLOUD_ACCOUNT_LOOKUP_KEY");
    static final String ENCRYPTION_KEYS_PREFIX = "HEALTHCLOUD_ACCOUNT_ENCRYPTION_KEYS_";
    /** Names that look like a credential or a key (but not a key id). */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(PASSWORD|PASSWD|SECRET|CREDENTIAL|PRIVATE).*|.*_KEY|.*_KEYS|.*_KEYS_.*");
    /** A value that looks like a 256-bit key in base64 (the service's key format). */
    private static final Pattern BASE64_KEY = Pattern.compile("[A-Za-z0-9+/]{43}=");
    /** user:password@ in a URL. */
    private static final Pattern URL_CREDENTIALS = Pattern.compile("[a-z][a-z0-9+.-]*://[^/@\\s]*:[^/@\\s]+@.*");
    private static final Pattern VERSION_TAG = Pattern.compile("\\d+\\.\\d+\\.\\d+");

    private final List<String> findings = new ArrayList<>();

    private ManifestChecker() {
    }

    /** Checks an overlay that deploys the service (dev, prod). */
    public static List<String> checkService(RenderedManifests manifests, Environment environment) {
        var checker = new ManifestChecker();
        checker.serviceChecks(manifests, environment);
        return List.copyOf(checker.findings);
    }

    /** Checks the example manifests of the stateful servers (overlays/prod/examples). */
    public static List<String> checkExamples(RenderedManifests manifests) {
        var checker = new ManifestChecker();
        checker.exampleChecks(manifests);
        return List.copyOf(checker.findings);
    }

    private void problem(HasMetadata resource, String message) {
        findings.add(RenderedManifests.id(resource) + ": " + message);
    }

    private void problem(String message) {
        findings.add(message);
    }

    // ------------------------------------------------------------------------------------------
    // The service's overlays
    // ------------------------------------------------------------------------------------------

    private void serviceChecks(RenderedManifests m, Environment environment) {
        List<Deployment> deployments = m.ofType(Deployment.class);
        if (deployments.isEmpty()) {
            problem("no Deployment rendered");
        }
        for (HasMetadata resource : m.all()) {
            if (!(resource instanceof Namespace) && !APP_NAMESPACE.equals(resource.getMetadata().getNamespace())) {
                problem(resource, "not in the namespace " + APP_NAMESPACE);
            }
            if (label(resource, EXAMPLE_LABEL) != null) {
                problem(resource, "an example of a stateful server mixed into the service's overlay");
            }
        }
        unknownFields(m);
        noSecretValues(m);
        images(m, environment);
        configMapReferences(m);
        for (Deployment deployment : deployments) {
            deployment(m, deployment);
            Optional<HorizontalPodAutoscaler> hpa = autoscaler(m, deployment, environment);
            disruptionBudget(m, deployment, environment, hpa);
            networkPolicy(m, deployment);
            services(m, deployment);
        }
        ingresses(m);
    }

    private void deployment(RenderedManifests m, Deployment deployment) {
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Long grace = pod.getTerminationGracePeriodSeconds();
        if (grace == null || grace < 20 || grace > 60) {
            problem(deployment, "terminationGracePeriodSeconds should be about 30 s, is " + grace);
        }
        var keys = new ArrayList<String>();
        for (TopologySpreadConstraint constraint : nullSafe(pod.getTopologySpreadConstraints())) {
            keys.add(constraint.getTopologyKey());
        }
        if (!keys.contains("topology.kubernetes.io/zone") || !keys.contains("kubernetes.io/hostname")) {
            problem(deployment, "replicas are not spread across zones and nodes (topologySpreadConstraints " + keys + ")");
        }
        if (new HashSet<>(keys).size() != keys.size()) {
            problem(deployment, "two topologySpreadConstraints on one topology key " + keys);
        }
        Set<String> emptyDirs = new HashSet<>();
        for (Volume volume : nullSafe(pod.getVolumes())) {
            if (volume.getEmptyDir() != null) {
                emptyDirs.add(volume.getName());
            }
        }
        PodSecurityContext podSecurity = pod.getSecurityContext();
        for (Container container : containers(pod)) {
            String where = "container " + container.getName();
            boolean init = nullSafe(pod.getInitContainers()).contains(container);
            if (!init) {
                probe(deployment, where, "startupProbe", container.getStartupProbe(), "/q/health/started", container);
                probe(deployment, where, "livenessProbe", container.getLivenessProbe(), "/q/health/live", container);
                probe(deployment, where, "readinessProbe", container.getReadinessProbe(), "/q/health/ready", container);
            }
            resources(deployment, where, container);
            securityContext(deployment, where, container.getSecurityContext(), podSecurity);
            boolean tmp = nullSafe(container.getVolumeMounts()).stream()
                    .anyMatch(mount -> "/tmp".equals(mount.getMountPath()) && emptyDirs.contains(mount.getName()));
            if (!tmp) {
                problem(deployment, where + " has no emptyDir at /tmp (the root file system is read-only)");
            }
            if (!init) {
                if (!APP_IMAGE.equals(repository(container.getImage()))) {
                    problem(deployment, where + " does not run " + APP_IMAGE + " but " + container.getImage());
                }
                serviceEnvironment(m, deployment, container);
            }
        }
    }

    private void probe(HasMetadata owner, String where, String kind, Probe probe, String path, Container container) {
        if (probe == null) {
            problem(owner, where + " has no " + kind);
            return;
        }
        if (probe.getHttpGet() == null || !path.equals(probe.getHttpGet().getPath())) {
            problem(owner, where + " " + kind + " does not GET " + path);
            return;
        }
        Integer port = containerPort(container, probe.getHttpGet().getPort());
        if (port == null || port != HTTP_PORT) {
            problem(owner, where + " " + kind + " is not on the http port " + HTTP_PORT);
        }
    }

    private void resources(HasMetadata owner, String where, Container container) {
        var resources = container.getResources();
        Map<String, Quantity> requests = resources == null ? null : resources.getRequests();
        Map<String, Quantity> limits = resources == null ? null : resources.getLimits();
        for (String resource : List.of("cpu", "memory")) {
            if (requests == null || !requests.containsKey(resource)) {
                problem(owner, where + " has no " + resource + " request");
            }
            if (limits == null || !limits.containsKey(resource)) {
                problem(owner, where + " has no " + resource + " limit");
            }
        }
    }

    private void securityContext(HasMetadata owner, String where, SecurityContext container, PodSecurityContext pod) {
        SecurityContext c = container == null ? new SecurityContext() : container;
        PodSecurityContext p = pod == null ? new PodSecurityContext() : pod;
        Boolean nonRoot = c.getRunAsNonRoot() != null ? c.getRunAsNonRoot() : p.getRunAsNonRoot();
        if (!Boolean.TRUE.equals(nonRoot)) {
            problem(owner, where + " may run as root (runAsNonRoot is not true)");
        }
        Long user = c.getRunAsUser() != null ? c.getRunAsUser() : p.getRunAsUser();
        if (user == null || user != 1001L) {
            problem(owner, where + " does not run as user 1001 (the Quarkus micro image's user): " + user);
        }
        if (!Boolean.TRUE.equals(c.getReadOnlyRootFilesystem())) {
            problem(owner, where + " has a writable root file system");
        }
        if (!Boolean.FALSE.equals(c.getAllowPrivilegeEscalation())) {
            problem(owner, where + " allows privilege escalation");
        }
        if (c.getCapabilities() == null || !nullSafe(c.getCapabilities().getDrop()).contains("ALL")
                || !nullSafe(c.getCapabilities().getAdd()).isEmpty()) {
            problem(owner, where + " does not drop ALL capabilities (or adds some)");
        }
        String seccomp = c.getSeccompProfile() != null ? c.getSeccompProfile().getType()
                : p.getSeccompProfile() != null ? p.getSeccompProfile().getType() : null;
        if (!"RuntimeDefault".equals(seccomp)) {
            problem(owner, where + " has no RuntimeDefault seccomp profile");
        }
    }

    /** The service's settings: secrets by reference, the settings it needs present. */
    private void serviceEnvironment(RenderedManifests m, HasMetadata owner, Container container) {
        String where = "container " + container.getName();
        Map<String, EnvVar> env = new LinkedHashMap<>();
        for (EnvVar variable : nullSafe(container.getEnv())) {
            env.put(variable.getName(), variable);
        }
        for (String name : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "HEALTHCLOUD_MQTT_PASSWORD")) {
            EnvVar variable = env.get(name);
            if (variable == null || variable.getValueFrom() == null || variable.getValueFrom().getSecretKeyRef() == null) {
                problem(owner, where + " does not take " + name + " from a Secret (secretKeyRef)");
            }
        }
        boolean keysFromSecret = nullSafe(container.getEnvFrom()).stream().anyMatch(source -> source.getSecretRef() != null)
                || env.keySet().stream().anyMatch(name -> name.startsWith(ENCRYPTION_KEYS_PREFIX)
                        && env.get(name).getValueFrom() != null && env.get(name).getValueFrom().getSecretKeyRef() != null);
        if (!keysFromSecret) {
            problem(owner, where + " does not take the account keys from a Secret (envFrom secretRef)");
        }
        EnvVar clientId = env.get("HEALTHCLOUD_KIOSK_CLIENT_ID");
        if (clientId != null) {
            EnvVar podName = env.get("POD_NAME");
            boolean perPod = clientId.getValue() != null && clientId.getValue().contains("$(POD_NAME)") && podName != null
                    && podName.getValueFrom() != null && podName.getValueFrom().getFieldRef() != null
                    && "metadata.name".equals(podName.getValueFrom().getFieldRef().getFieldPath());
            if (!perPod) {
                problem(owner, where + " HEALTHCLOUD_KIOSK_CLIENT_ID is not unique per replica ($(POD_NAME))");
            }
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (EnvFromSource source : nullSafe(container.getEnvFrom())) {
            if (source.getConfigMapRef() != null) {
                m.named(ConfigMap.class, source.getConfigMapRef().getName())
                        .ifPresent(map -> settings.putAll(nullSafe(map.getData())));
            }
        }
        env.forEach((name, variable) -> {
            if (variable.getValue() != null) {
                settings.put(name, variable.getValue());
            }
        });
        Map<String, String> required = new LinkedHashMap<>();
        required.put("HEALTHCLOUD_KIOSK_SHARED_SUBSCRIPTION", "true");
        required.put("HEALTHCLOUD_KIOSK_SHARE_GROUP", "healthcloud");
        // Pods get new names: a stopped replica must end its session, not keep a share (k8s/README.md).
        required.put("HEALTHCLOUD_KIOSK_LEAVE_GROUP_ON_STOP", "true");
        required.forEach((name, value) -> {
            if (!value.equals(settings.get(name))) {
                problem(owner, where + " needs " + name + "=" + value + ", has " + settings.get(name));
            }
        });
        // Build-time in Quarkus: set on a running image it changes nothing, and probes would miss.
        if (settings.containsKey("QUARKUS_MANAGEMENT_ENABLED")) {
            problem(owner, where + " sets QUARKUS_MANAGEMENT_ENABLED, which is fixed when the image is built");
        }
        for (String name : List.of("HEALTHCLOUD_DB_HOST", "HEALTHCLOUD_DB_PORT", "HEALTHCLOUD_DB_NAME",
                "HEALTHCLOUD_MQTT_HOST", "HEALTHCLOUD_MQTT_PORT", "HEALTHCLOUD_MQTT_SSL", "HEALTHCLOUD_MQTT_USERNAME",
                "QUARKUS_OIDC_AUTH_SERVER_URL", "HEALTHCLOUD_ACCOUNT_ACTIVE_KEY_ID",
                "HEALTHCLOUD_DASHBOARD_PAGE_AUTH_SERVER_URL")) {
            if (settings.get(name) == null || settings.get(name).isBlank()) {
                problem(owner, where + " has no setting " + name);
            }
        }
        if (settings.get("HEALTHCLOUD_REDIS_HOST") == null && settings.get("QUARKUS_REDIS_HOSTS") == null) {
            problem(owner, where + " has no Redis (HEALTHCLOUD_REDIS_HOST or QUARKUS_REDIS_HOSTS)");
        }
    }

    private void noSecretValues(RenderedManifests m) {
        for (Secret secret : m.ofType(Secret.class)) {
            if (!nullSafe(secret.getData()).isEmpty() || !nullSafe(secret.getStringData()).isEmpty()) {
                problem(secret, "a Secret with values is committed; reference one the operators create instead");
            }
        }
        for (ConfigMap map : m.ofType(ConfigMap.class)) {
            nullSafe(map.getData()).forEach((key, value) -> {
                if (isSecretName(key)) {
                    problem(map, "holds " + key + ", a credential or key: it belongs in a Secret");
                } else if (value != null && (BASE64_KEY.matcher(value.strip()).matches()
                        || Stream.of(value.split(",")).anyMatch(v -> URL_CREDENTIALS.matcher(v.strip()).matches()))) {
                    problem(map, key + " looks like a key or carries credentials");
                }
            });
        }
        for (var entry : podSpecs(m).entrySet()) {
            for (Container container : containers(entry.getValue())) {
                for (EnvVar variable : nullSafe(container.getEnv())) {
                    if (isSecretName(variable.getName()) && variable.getValue() != null && !variable.getValue().isEmpty()) {
                        problem(entry.getKey(), "container " + container.getName() + " sets " + variable.getName()
                                + " to a literal value: it must come from a secretKeyRef");
                    }
                    if (isSecretName(variable.getName()) && variable.getValueFrom() != null
                            && variable.getValueFrom().getConfigMapKeyRef() != null) {
                        problem(entry.getKey(), "container " + container.getName() + " takes " + variable.getName()
                                + " from a ConfigMap: it must come from a secretKeyRef");
                    }
                }
            }
        }
    }

    static boolean isSecretName(String name) {
        return name != null && (SECRET_SETTINGS.contains(name) || name.startsWith(ENCRYPTION_KEYS_PREFIX)
                || SECRET_NAME.matcher(name).matches());
    }

    private void configMapReferences(RenderedManifests m) {
        Map<String, ConfigMap> maps = new LinkedHashMap<>();
        m.ofType(ConfigMap.class).forEach(map -> maps.put(map.getMetadata().getName(), map));
        for (var entry : podSpecs(m).entrySet()) {
            for (Container container : containers(entry.getValue())) {
                for (EnvFromSource source : nullSafe(container.getEnvFrom())) {
                    var ref = source.getConfigMapRef();
                    if (ref != null && !Boolean.TRUE.equals(ref.getOptional()) && !maps.containsKey(ref.getName())) {
                        problem(entry.getKey(), "container " + container.getName() + " reads the missing ConfigMap " + ref.getName());
                    }
                }
                for (EnvVar variable : nullSafe(container.getEnv())) {
                    var ref = variable.getValueFrom() == null ? null : variable.getValueFrom().getConfigMapKeyRef();
                    if (ref != null && !Boolean.TRUE.equals(ref.getOptional())
                            && (!maps.containsKey(ref.getName()) || !nullSafe(maps.get(ref.getName()).getData()).containsKey(ref.getKey()))) {
                        problem(entry.getKey(), "container " + container.getName() + " reads the missing ConfigMap key "
                                + ref.getName() + "/" + ref.getKey());
                    }
                }
            }
            for (Volume volume : nullSafe(entry.getValue().getVolumes())) {
                var ref = volume.getConfigMap();
                if (ref != null && !Boolean.TRUE.equals(ref.getOptional()) && !maps.containsKey(ref.getName())) {
                    problem(entry.getKey(), "volume " + volume.getName() + " mounts the missing ConfigMap " + ref.getName());
                }
            }
        }
    }

    private Optional<HorizontalPodAutoscaler> autoscaler(RenderedManifests m, Deployment deployment, Environment environment) {
        String name = deployment.getMetadata().getName();
        Optional<HorizontalPodAutoscaler> found = m.ofType(HorizontalPodAutoscaler.class).stream()
                .filter(hpa -> hpa.getApiVersion().equals("autoscaling/v2"))
                .filter(hpa -> hpa.getSpec().getScaleTargetRef() != null
                        && "Deployment".equals(hpa.getSpec().getScaleTargetRef().getKind())
                        && "apps/v1".equals(hpa.getSpec().getScaleTargetRef().getApiVersion())
                        && name.equals(hpa.getSpec().getScaleTargetRef().getName()))
                .findFirst();
        if (found.isEmpty()) {
            problem(deployment, "no autoscaling/v2 HorizontalPodAutoscaler targets it");
            return found;
        }
        HorizontalPodAutoscaler hpa = found.get();
        boolean cpu = nullSafe(hpa.getSpec().getMetrics()).stream().map(MetricSpec::getResource).filter(Objects::nonNull)
                .anyMatch(r -> "cpu".equals(r.getName()) && r.getTarget() != null && r.getTarget().getAverageUtilization() != null);
        if (!cpu) {
            problem(hpa, "does not scale on CPU utilization");
        }
        int min = hpa.getSpec().getMinReplicas() == null ? 1 : hpa.getSpec().getMinReplicas();
        int max = hpa.getSpec().getMaxReplicas() == null ? 0 : hpa.getSpec().getMaxReplicas();
        if (min > max) {
            problem(hpa, "minReplicas " + min + " > maxReplicas " + max);
        }
        if (environment == Environment.PROD && min < 3) {
            problem(hpa, "production needs at least 3 replicas, minReplicas is " + min);
        }
        if (environment == Environment.DEV && (min < 1 || max > 2)) {
            problem(hpa, "development runs 1-2 replicas, has " + min + ".." + max);
        }
        Integer replicas = deployment.getSpec().getReplicas();
        if (replicas != null && (replicas < min || replicas > max)) {
            problem(deployment, "replicas " + replicas + " outside the autoscaler's " + min + ".." + max);
        }
        return found;
    }

    private void disruptionBudget(RenderedManifests m, Deployment deployment, Environment environment,
            Optional<HorizontalPodAutoscaler> hpa) {
        Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        List<PodDisruptionBudget> budgets = m.ofType(PodDisruptionBudget.class).stream()
                .filter(pdb -> "policy/v1".equals(pdb.getApiVersion()) && selects(pdb.getSpec().getSelector(), labels))
                .toList();
        if (budgets.isEmpty()) {
            problem(deployment, "no policy/v1 PodDisruptionBudget selects its pods");
            return;
        }
        for (PodDisruptionBudget pdb : budgets) {
            IntOrString maxUnavailable = pdb.getSpec().getMaxUnavailable();
            IntOrString minAvailable = pdb.getSpec().getMinAvailable();
            if (maxUnavailable == null && minAvailable == null) {
                problem(pdb, "sets neither maxUnavailable nor minAvailable");
            }
            if (maxUnavailable != null && maxUnavailable.getIntVal() != null) {
                int min = hpa.map(h -> h.getSpec().getMinReplicas()).filter(Objects::nonNull).orElse(1);
                if (maxUnavailable.getIntVal() < 1) {
                    problem(pdb, "maxUnavailable " + maxUnavailable.getIntVal() + " blocks every node drain");
                } else if (environment == Environment.PROD && maxUnavailable.getIntVal() >= min) {
                    problem(pdb, "maxUnavailable " + maxUnavailable.getIntVal() + " lets all " + min + " replicas go at once");
                }
            }
        }
    }

    private void networkPolicy(RenderedManifests m, Deployment deployment) {
        Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        List<NetworkPolicy> policies = m.ofType(NetworkPolicy.class).stream()
                .filter(p -> selects(p.getSpec().getPodSelector(), labels)).toList();
        boolean ingressIsolated = policies.stream().anyMatch(p -> nullSafe(p.getSpec().getPolicyTypes()).contains("Ingress"));
        boolean egressIsolated = policies.stream().anyMatch(p -> nullSafe(p.getSpec().getPolicyTypes()).contains("Egress"));
        if (!ingressIsolated || !egressIsolated) {
            problem(deployment, "no NetworkPolicy restricts both its ingress and its egress");
            return;
        }
        // Policies add up: what any of them allows is allowed.
        Set<String> allowedIn = new TreeSet<>();
        for (NetworkPolicy policy : policies) {
            if (!nullSafe(policy.getSpec().getPolicyTypes()).contains("Ingress")) {
                continue;
            }
            for (NetworkPolicyIngressRule rule : nullSafe(policy.getSpec().getIngress())) {
                if (nullSafe(rule.getFrom()).isEmpty()) {
                    problem(policy, "an ingress rule admits every source");
                    continue;
                }
                if (nullSafe(rule.getPorts()).isEmpty()) {
                    problem(policy, "an ingress rule admits every port");
                    continue;
                }
                for (NetworkPolicyPeer peer : rule.getFrom()) {
                    String namespace = namespaceOf(peer);
                    if (namespace == null || peer.getIpBlock() != null) {
                        problem(policy, "an ingress rule admits a source other than a named namespace: " + peer);
                        continue;
                    }
                    for (NetworkPolicyPort port : rule.getPorts()) {
                        allowedIn.add(namespace + ":" + portNumber(pod, port.getPort()));
                    }
                }
            }
        }
        // Prometheus only where the pod-monitor component scrapes (and admits) it.
        Set<String> expectedIn = m.custom("monitoring.coreos.com/v1", "PodMonitor").isEmpty()
                ? Set.of(INGRESS_NAMESPACE + ":" + HTTP_PORT)
                : Set.of(INGRESS_NAMESPACE + ":" + HTTP_PORT, MONITORING_NAMESPACE + ":" + HTTP_PORT);
        if (!allowedIn.equals(new TreeSet<>(expectedIn))) {
            problem(deployment, "ingress should be exactly " + new TreeSet<>(expectedIn) + " (namespace:port), is " + allowedIn);
        }

        Set<String> reached = new TreeSet<>();
        for (NetworkPolicy policy : policies) {
            if (!nullSafe(policy.getSpec().getPolicyTypes()).contains("Egress")) {
                continue;
            }
            for (NetworkPolicyEgressRule rule : nullSafe(policy.getSpec().getEgress())) {
                if (nullSafe(rule.getTo()).isEmpty()) {
                    problem(policy, "an egress rule allows every destination");
                    continue;
                }
                if (nullSafe(rule.getPorts()).isEmpty()) {
                    problem(policy, "an egress rule allows every port");
                    continue;
                }
                for (NetworkPolicyPeer peer : rule.getTo()) {
                    String namespace = namespaceOf(peer);
                    if (peer.getIpBlock() != null || namespace == null) {
                        problem(policy, "an egress rule reaches something other than pods of a named namespace: " + peer);
                        continue;
                    }
                    String role = peer.getPodSelector() == null ? null : nullSafe(peer.getPodSelector().getMatchLabels()).get(ROLE_LABEL);
                    for (NetworkPolicyPort port : rule.getPorts()) {
                        int number = portNumber(pod, port.getPort());
                        switch (namespace) {
                            case "kube-system" -> {
                                if (number != 53) {
                                    problem(policy, "egress to kube-system beyond DNS: port " + number);
                                }
                                reached.add("dns");
                            }
                            case DATA_NAMESPACE -> {
                                if (role == null) {
                                    problem(policy, "egress to every pod of " + DATA_NAMESPACE + ", not to a role");
                                } else {
                                    reached.add(role);
                                }
                            }
                            case INGRESS_NAMESPACE -> {
                                if (number != 443) {
                                    problem(policy, "egress to the ingress controller beyond HTTPS: port " + number);
                                }
                                reached.add("oidc");
                            }
                            default -> problem(policy, "egress to the namespace " + namespace);
                        }
                    }
                }
            }
        }
        for (String needed : List.of("dns", "postgresql", "redis", "mqtt", "oidc")) {
            if (!reached.contains(needed)) {
                problem(deployment, "egress allows no " + needed);
            }
        }
        reached.removeAll(Set.of("dns", "postgresql", "redis", "mqtt", "oidc"));
        if (!reached.isEmpty()) {
            problem(deployment, "egress allows other servers: " + reached);
        }
    }

    private void services(RenderedManifests m, Deployment deployment) {
        Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        List<ContainerPort> ports = deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .flatMap(c -> nullSafe(c.getPorts()).stream()).toList();
        List<Service> services = m.ofType(Service.class).stream()
                .filter(s -> s.getSpec().getSelector() != null && !s.getSpec().getSelector().isEmpty()
                        && labels.entrySet().containsAll(s.getSpec().getSelector().entrySet()))
                .toList();
        if (services.isEmpty()) {
            problem(deployment, "no Service selects its pods");
        }
        for (Service service : services) {
            for (ServicePort port : service.getSpec().getPorts()) {
                IntOrString target = port.getTargetPort() == null ? new IntOrString(port.getPort()) : port.getTargetPort();
                boolean exists = ports.stream().anyMatch(p -> target.getIntVal() != null
                        ? target.getIntVal().equals(p.getContainerPort()) : target.getStrVal().equals(p.getName()));
                if (!exists) {
                    problem(service, "port " + port.getName() + " targets no container port: " + target);
                }
            }
        }
    }

    private void ingresses(RenderedManifests m) {
        List<Ingress> ingresses = m.ofType(Ingress.class);
        if (ingresses.isEmpty()) {
            problem("no Ingress rendered");
        }
        for (Ingress ingress : ingresses) {
            List<IngressTLS> tls = nullSafe(ingress.getSpec().getTls());
            Set<String> tlsHosts = new HashSet<>();
            for (IngressTLS entry : tls) {
                if (entry.getSecretName() == null || entry.getSecretName().isBlank()) {
                    problem(ingress, "a TLS entry names no certificate Secret");
                }
                tlsHosts.addAll(nullSafe(entry.getHosts()));
            }
            if (tls.isEmpty()) {
                problem(ingress, "has no TLS");
            }
            for (IngressRule rule : nullSafe(ingress.getSpec().getRules())) {
                if (rule.getHost() == null || !tlsHosts.contains(rule.getHost())) {
                    problem(ingress, "host " + rule.getHost() + " is served without TLS");
                }
                if (rule.getHttp() == null) {
                    continue;
                }
                for (var path : rule.getHttp().getPaths()) {
                    // Health, metrics and the OpenAPI document (/q/*) share port 8080: never publish them.
                    String published = path.getPath() == null ? "/" : path.getPath();
                    if (!published.equals("/api") && !published.equals("/dashboard")) {
                        problem(ingress, "publishes " + published + ": only /api and /dashboard may leave the cluster");
                    }
                    IngressBackend backend = path.getBackend();
                    if (backend.getService() == null) {
                        problem(ingress, "a path has no Service backend");
                        continue;
                    }
                    var port = backend.getService().getPort();
                    Optional<ServicePort> target = m.named(Service.class, backend.getService().getName())
                            .flatMap(service -> service.getSpec().getPorts().stream()
                                    .filter(p -> port != null && (port.getName() != null ? port.getName().equals(p.getName())
                                            : Objects.equals(port.getNumber(), p.getPort())))
                                    .findFirst());
                    if (target.isEmpty()) {
                        problem(ingress, "backend " + backend.getService().getName() + " is not a port of a rendered Service");
                    } else if (target.get().getPort() != HTTP_PORT) {
                        problem(ingress, "routes to port " + target.get().getPort() + ", not the HTTP port " + HTTP_PORT);
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // Fields the Kubernetes API does not know (a typo, or a field of a newer version)
    // ------------------------------------------------------------------------------------------

    /** Built-in kinds only: a field fabric8's model (Kubernetes 1.33) does not know is reported. */
    private void unknownFields(RenderedManifests m) {
        for (HasMetadata resource : m.all()) {
            if (!(resource instanceof GenericKubernetesResource)) {
                for (String path : unknownFields(resource, "")) {
                    problem(resource, "unknown field " + path);
                }
            }
        }
    }

    private static List<String> unknownFields(Object node, String path) {
        var found = new ArrayList<String>();
        if (node == null) {
            return found;
        }
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                found.addAll(unknownFields(list.get(i), path + "[" + i + "]"));
            }
            return found;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> found.addAll(unknownFields(value, path + "[" + key + "]")));
            return found;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return found;
        }
        for (var method : node.getClass().getMethods()) {
            if (method.getParameterCount() != 0 || !method.getName().startsWith("get") || method.getDeclaringClass() == Object.class) {
                continue;
            }
            try {
                Object value = method.invoke(node);
                String field = Character.toLowerCase(method.getName().charAt(3)) + method.getName().substring(4);
                if (method.getName().equals("getAdditionalProperties")) {
                    if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        extra.keySet().forEach(key -> found.add((path.isEmpty() ? "" : path + ".") + key));
                    }
                } else {
                    found.addAll(unknownFields(value, path.isEmpty() ? field : path + "." + field));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    // ------------------------------------------------------------------------------------------
    // Images
    // ------------------------------------------------------------------------------------------

    private void images(RenderedManifests m, Environment environment) {
        for (var entry : podSpecs(m).entrySet()) {
            for (Container container : containers(entry.getValue())) {
                image(entry.getKey(), "container " + container.getName(), container.getImage(), environment);
            }
        }
        for (HasMetadata resource : m.all()) {
            if (resource instanceof GenericKubernetesResource custom) {
                for (var found : stringsNamed(custom.getAdditionalProperties(), Set.of("image", "imageName"), "")) {
                    image(custom, found.getKey(), found.getValue(), environment);
                }
            }
        }
    }

    private void image(HasMetadata owner, String where, String image, Environment environment) {
        if (image == null || image.isBlank()) {
            problem(owner, where + " names no image");
            return;
        }
        if (!image.startsWith(REGISTRY)) {
            problem(owner, where + " image " + image + " is not from " + REGISTRY);
        }
        if (image.contains("@sha256:")) {
            return;
        }
        String tag = tag(image);
        if (tag == null) {
            problem(owner, where + " image " + image + " has no explicit tag");
        } else if (tag.equalsIgnoreCase("latest")) {
            problem(owner, where + " image " + image + " uses the tag latest");
        } else if (environment == Environment.PROD && APP_IMAGE.equals(repository(image)) && !VERSION_TAG.matcher(tag).matches()) {
            problem(owner, where + " image " + image + " is not pinned to a released version (x.y.z)");
        }
    }

    static String tag(String image) {
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon > slash ? image.substring(colon + 1) : null;
    }

    static String repository(String image) {
        if (image == null) {
            return null;
        }
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        String tag = tag(withoutDigest);
        return tag == null ? withoutDigest : withoutDigest.substring(0, withoutDigest.length() - tag.length() - 1);
    }

    // ------------------------------------------------------------------------------------------
    // The examples of the stateful servers
    // ------------------------------------------------------------------------------------------

    private void exampleChecks(RenderedManifests m) {
        if (m.all().isEmpty()) {
            problem("no example rendered");
        }
        for (HasMetadata resource : m.all()) {
            if (!"true".equals(label(resource, EXAMPLE_LABEL))) {
                problem(resource, "not labelled " + EXAMPLE_LABEL + "=true");
            }
            var annotations = resource.getMetadata().getAnnotations();
            if (annotations == null || !annotations.getOrDefault(EXAMPLE_LABEL, "").contains("EXAMPLE")) {
                problem(resource, "not annotated " + EXAMPLE_LABEL + " as an EXAMPLE");
            }
            if (resource instanceof Namespace) {
                if (!DATA_NAMESPACE.equals(resource.getMetadata().getName())) {
                    problem(resource, "examples belong in the namespace " + DATA_NAMESPACE);
                }
            } else if (!DATA_NAMESPACE.equals(resource.getMetadata().getNamespace())) {
                problem(resource, "not in the namespace " + DATA_NAMESPACE + " (the NetworkPolicy's)");
            }
        }
        unknownFields(m);
        noSecretValues(m);
        images(m, Environment.PROD);
        configMapReferences(m);
        Set<String> roles = new TreeSet<>();

        List<GenericKubernetesResource> clusters = m.custom("postgresql.cnpg.io/v1", "Cluster").stream()
                .filter(c -> "healthcloud-pg".equals(c.getMetadata().getName())).toList();
        if (clusters.isEmpty()) {
            problem("no CloudNativePG Cluster healthcloud-pg (the service's HEALTHCLOUD_DB_HOST is healthcloud-pg-rw)");
        }
        for (GenericKubernetesResource cluster : clusters) {
            if (number(at(cluster, "spec", "instances")) < 3) {
                problem(cluster, "fewer than 3 instances");
            }
            if (!"healthcloud".equals(at(cluster, "spec", "bootstrap", "initdb", "database"))
                    || !"healthcloud".equals(at(cluster, "spec", "bootstrap", "initdb", "owner"))) {
                problem(cluster, "does not create the database healthcloud owned by healthcloud");
            }
            addRole(roles, at(cluster, "spec", "inheritedMetadata", "labels", ROLE_LABEL));
        }

        List<GenericKubernetesResource> brokers = m.custom("apps.emqx.io/v2beta1", "EMQX");
        if (brokers.isEmpty()) {
            problem("no EMQX (apps.emqx.io/v2beta1)");
        }
        for (GenericKubernetesResource broker : brokers) {
            String config = String.valueOf(at(broker, "spec", "config", "data"));
            Map<String, Pattern> needs = new LinkedHashMap<>();
            needs.put("max_mqueue_len = infinity (no queued QoS 1 message dropped)", Pattern.compile("max_mqueue_len\\s*=\\s*infinity"));
            needs.put("mqueue_store_qos0 = true", Pattern.compile("mqueue_store_qos0\\s*=\\s*true"));
            needs.put("shared_subscription = true", Pattern.compile("(?<![a-z_])shared_subscription\\s*=\\s*true"));
            needs.put("retain_available = true", Pattern.compile("retain_available\\s*=\\s*true"));
            needs.put("an explicit session_expiry_interval", Pattern.compile("session_expiry_interval\\s*=\\s*\\S+"));
            needs.put("a TLS listener on 8883", Pattern.compile("listeners\\.ssl\\.\\w+\\s*\\{[^}]*bind\\s*=\\s*\"[^\"]*:8883\"", Pattern.DOTALL));
            needs.put("password authentication in the built-in database", Pattern.compile("backend\\s*=\\s*built_in_database"));
            needs.put("authorization.no_match = deny", Pattern.compile("no_match\\s*=\\s*deny"));
            needs.forEach((what, pattern) -> {
                if (!pattern.matcher(config).find()) {
                    problem(broker, "config lacks " + what);
                }
            });
            Matcher packet = Pattern.compile("max_packet_size\\s*=\\s*(\\d+)\\s*(KB|MB|GB)?").matcher(config);
            if (!packet.find() || bytes(packet.group(1), packet.group(2)) < MAX_MESSAGE_BYTES) {
                problem(broker, "max_packet_size must be at least " + MAX_MESSAGE_BYTES + " bytes");
            }
            if (number(at(broker, "spec", "coreTemplate", "spec", "replicas")) < 3) {
                problem(broker, "fewer than 3 core nodes: not a cluster that survives a node");
            }
            addRole(roles, at(broker, "spec", "coreTemplate", "metadata", "labels", ROLE_LABEL));
        }
        boolean kioskAcl = m.ofType(ConfigMap.class).stream().flatMap(c -> nullSafe(c.getData()).values().stream())
                .anyMatch(v -> v.contains("healthcloud/kiosks/${username}/readings")
                        && v.contains("healthcloud/kiosks/${username}/reports") && v.contains("{deny, all}"));
        if (!kioskAcl) {
            problem("no broker ACL confining kiosk K to healthcloud/kiosks/K/ (by ${username}) and denying the rest");
        }

        List<StatefulSet> redis = m.ofType(StatefulSet.class).stream()
                .filter(s -> "redis".equals(nullSafe(s.getSpec().getTemplate().getMetadata().getLabels()).get(ROLE_LABEL)))
                .toList();
        if (redis.isEmpty()) {
            problem("no Redis StatefulSet (pods labelled " + ROLE_LABEL + "=redis)");
        }
        for (StatefulSet set : redis) {
            if (set.getSpec().getReplicas() == null || set.getSpec().getReplicas() < 3) {
                problem(set, "Redis with replicas needs at least 3 pods (a primary, replicas and a Sentinel quorum)");
            }
            roles.add("redis");
        }
        boolean noEviction = m.ofType(ConfigMap.class).stream().flatMap(c -> nullSafe(c.getData()).values().stream())
                .anyMatch(v -> Pattern.compile("maxmemory-policy\\s+(noeviction|volatile-\\S+)").matcher(v).find());
        if (!noEviction) {
            problem("Redis may evict the service's hc:* keys: maxmemory-policy must be noeviction or volatile-*");
        }

        List<GenericKubernetesResource> keycloaks = m.custom("k8s.keycloak.org/v2beta1", "Keycloak");
        if (keycloaks.isEmpty()) {
            problem("no Keycloak (k8s.keycloak.org/v2beta1)");
        }
        for (GenericKubernetesResource keycloak : keycloaks) {
            if (at(keycloak, "spec", "hostname", "hostname") == null) {
                problem(keycloak, "no fixed hostname: the issuer of the tokens would vary");
            }
            addRole(roles, at(keycloak, "spec", "unsupported", "podTemplate", "metadata", "labels", ROLE_LABEL));
        }
        for (String role : List.of("postgresql", "redis", "mqtt", "oidc")) {
            if (!roles.contains(role)) {
                problem("no example's pods carry " + ROLE_LABEL + "=" + role + " (the service's NetworkPolicy selects it)");
            }
        }
    }

    private static void addRole(Set<String> roles, Object role) {
        if (role instanceof String name) {
            roles.add(name);
        }
    }

    private static long bytes(String amount, String unit) {
        long value = Long.parseLong(amount);
        return unit == null ? value : switch (unit) {
            case "KB" -> value * 1024;
            case "MB" -> value * 1024 * 1024;
            default -> value * 1024 * 1024 * 1024;
        };
    }

    // ------------------------------------------------------------------------------------------
    // Helpers
    // ------------------------------------------------------------------------------------------

    /** Every pod template of the rendering, by its owner. */
    static Map<HasMetadata, PodSpec> podSpecs(RenderedManifests m) {
        Map<HasMetadata, PodSpec> specs = new LinkedHashMap<>();
        m.ofType(Deployment.class).forEach(d -> specs.put(d, d.getSpec().getTemplate().getSpec()));
        m.ofType(StatefulSet.class).forEach(s -> specs.put(s, s.getSpec().getTemplate().getSpec()));
        m.ofType(DaemonSet.class).forEach(s -> specs.put(s, s.getSpec().getTemplate().getSpec()));
        m.ofType(ReplicaSet.class).forEach(s -> specs.put(s, s.getSpec().getTemplate().getSpec()));
        m.ofType(Job.class).forEach(j -> specs.put(j, j.getSpec().getTemplate().getSpec()));
        m.ofType(CronJob.class).forEach(j -> specs.put(j, j.getSpec().getJobTemplate().getSpec().getTemplate().getSpec()));
        m.ofType(Pod.class).forEach(p -> specs.put(p, p.getSpec()));
        return specs;
    }

    static List<Container> containers(PodSpec pod) {
        var all = new ArrayList<Container>(nullSafe(pod.getInitContainers()));
        all.addAll(nullSafe(pod.getContainers()));
        return all;
    }

    /** The container port a probe or Service names (by number or by name), or null. */
    static Integer containerPort(Container container, IntOrString port) {
        if (port == null) {
            return null;
        }
        if (port.getIntVal() != null) {
            return nullSafe(container.getPorts()).stream().map(ContainerPort::getContainerPort)
                    .filter(p -> p.equals(port.getIntVal())).findFirst().orElse(port.getIntVal());
        }
        return nullSafe(container.getPorts()).stream().filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort).findFirst().orElse(null);
    }

    private static int portNumber(PodSpec pod, IntOrString port) {
        if (port == null) {
            return -1;
        }
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        for (Container container : pod.getContainers()) {
            Integer number = containerPort(container, port);
            if (number != null) {
                return number;
            }
        }
        return -1;
    }

    /** The namespace a peer names by kubernetes.io/metadata.name, or null for anything else. */
    private static String namespaceOf(NetworkPolicyPeer peer) {
        LabelSelector selector = peer.getNamespaceSelector();
        if (selector == null || !nullSafe(selector.getMatchExpressions()).isEmpty()) {
            return null;
        }
        return nullSafe(selector.getMatchLabels()).get(NAMESPACE_NAME_LABEL);
    }

    /** Whether a label selector (null: nothing; empty: everything) selects these labels. */
    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> have = labels == null ? Map.of() : labels;
        if (!have.entrySet().containsAll(nullSafe(selector.getMatchLabels()).entrySet())) {
            return false;
        }
        for (LabelSelectorRequirement requirement : nullSafe(selector.getMatchExpressions())) {
            String value = have.get(requirement.getKey());
            boolean ok = switch (requirement.getOperator()) {
                case "In" -> value != null && requirement.getValues().contains(value);
                case "NotIn" -> value == null || !requirement.getValues().contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String label(HasMetadata resource, String key) {
        return resource.getMetadata().getLabels() == null ? null : resource.getMetadata().getLabels().get(key);
    }

    /** A value inside a custom resource, by keys; null when absent. */
    static Object at(GenericKubernetesResource resource, String... path) {
        Object current = resource.getAdditionalProperties();
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : -1;
    }

    /** Every string under one of {@code keys} anywhere in a custom resource, with its path. */
    private static List<Map.Entry<String, String>> stringsNamed(Object node, Set<String> keys, String path) {
        var found = new ArrayList<Map.Entry<String, String>>();
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                String here = path.isEmpty() ? String.valueOf(key) : path + "." + key;
                if (keys.contains(String.valueOf(key)) && value instanceof String text) {
                    found.add(Map.entry(here, text));
                } else {
                    found.addAll(stringsNamed(value, keys, here));
                }
            });
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                found.addAll(stringsNamed(list.get(i), keys, path + "[" + i + "]"));
            }
        }
        return found;
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <K, V> Map<K, V> nullSafe(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
