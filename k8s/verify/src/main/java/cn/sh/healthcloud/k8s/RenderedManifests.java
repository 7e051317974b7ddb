package cn.sh.healthcloud.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The objects of a rendered overlay: built-in kinds as fabric8's typed model (Deployment,
 * NetworkPolicy, ...), custom resources (EMQX, Cluster, Keycloak, ...) as generic resources.
 */
public final class RenderedManifests {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final List<HasMetadata> resources;

    private RenderedManifests(List<HasMetadata> resources) {
        this.resources = List.copyOf(resources);
    }

    /** Reads the YAML stream kustomize writes (documents separated by {@code ---}). */
    public static RenderedManifests parse(String yaml) {
        var resources = new ArrayList<HasMetadata>();
        try (MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || document.isNull() || document.isEmpty()) {
                    continue;
                }
                KubernetesResource resource = SERIALIZATION.convertValue(document, KubernetesResource.class);
                if (!(resource instanceof HasMetadata object)) {
                    throw new IllegalArgumentException("not a Kubernetes object: " + document);
                }
                resources.add(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RenderedManifests(resources);
    }

    public List<HasMetadata> all() {
        return resources;
    }

    /** The objects of a built-in kind, typed. */
    public <T extends HasMetadata> List<T> ofType(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Custom resources of {@code kind} whose apiVersion starts with {@code group} (e.g. "apps.emqx.io/"). */
    public List<GenericKubernetesResource> custom(String group, String kind) {
        return resources.stream()
                .filter(r -> r instanceof GenericKubernetesResource)
                .map(GenericKubernetesResource.class::cast)
                .filter(r -> kind.equals(r.getKind()) && r.getApiVersion() != null && r.getApiVersion().startsWith(group))
                .toList();
    }

    public <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
        return ofType(type).stream().filter(r -> name.equals(r.getMetadata().getName())).findFirst();
    }

    /** "Kind/name", as findings name an object. */
    public static String id(HasMetadata resource) {
        return resource.getKind() + "/" + resource.getMetadata().getName();
    }
}
