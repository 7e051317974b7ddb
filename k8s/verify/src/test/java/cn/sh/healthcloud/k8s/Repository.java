package cn.sh.healthcloud.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The repository under test and a scratch directory for the tests' own overlays. */
final class Repository {

    static final Path ROOT = Path.of(System.getProperty("healthcloud.repo", "../..")).toAbsolutePath().normalize();
    static final Path K8S = ROOT.resolve("k8s");
    static final Path TEST_TEMP = Path.of(System.getProperty("healthcloud.test-temp", "target/test-temp"))
            .toAbsolutePath().normalize();
    static final Kustomize KUSTOMIZE = new Kustomize(ROOT, false);

    private Repository() {
    }

    static Path overlay(String name) {
        return K8S.resolve("overlays").resolve(name);
    }

    static RenderedManifests render(Path directory) {
        return RenderedManifests.parse(KUSTOMIZE.build(directory).yaml());
    }

    /**
     * Writes a kustomization in a fresh directory under target/test-temp that builds on
     * {@code base} (a directory of the repository) with the extra lines given, plus extra files.
     */
    static Path overlayOn(String name, Path base, String kustomization, Map<String, String> files) {
        try {
            Path directory = TEST_TEMP.resolve(name);
            if (Files.exists(directory)) {
                try (var walk = Files.walk(directory)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(directory);
            String relative = directory.relativize(base).toString().replace('\\', '/');
            Files.writeString(directory.resolve("kustomization.yaml"), """
                    apiVersion: kustomize.config.k8s.io/v1beta1
                    kind: Kustomization
                    resources:
                      - %s
                    """.formatted(relative) + kustomization);
            for (var file : files.entrySet()) {
                Files.writeString(directory.resolve(file.getKey()), file.getValue());
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
