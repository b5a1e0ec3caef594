package io.mlplane.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlplane.core.Capability;
import io.mlplane.core.MlProvider;
import io.mlplane.core.MlProviders;
import io.mlplane.core.UnsupportedFeatureException;
import io.mlplane.core.kubernetes.KubernetesConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Backends without a tuning driver say so: no capability, and a refusal naming the resource kind, never a
 * silent fallback. (Tuning on Kubernetes, through Katib, is still to come.)
 */
class TuningRefusedWithoutADriverTest {

    @Test
    void kubernetesRefusesTuningJobs() {
        TuningJobSpec spec = TuningJobSpecValidationTest.valid().build();
        List<MlProvider> providers = List.of(
                MlProviders.kubernetes(KubernetesConfig.builder().build()));
        for (MlProvider provider : providers) {
            try (provider) {
                assertThat(provider.capabilities().supports(Capability.HYPERPARAMETER_TUNING)).isFalse();
                assertThatThrownBy(() -> provider.submit(spec)).isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
                    assertThat(e.feature()).isEqualTo("TuningJob");
                    assertThat(e.backend()).isEqualTo(provider.backend());
                });
                assertThatThrownBy(() -> provider.plan(spec)).isInstanceOf(UnsupportedFeatureException.class);
            }
        }
    }
}
