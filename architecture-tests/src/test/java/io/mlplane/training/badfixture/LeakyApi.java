package io.mlplane.training.badfixture;

import io.mlplane.core.internal.DefaultBackendContext;
import software.amazon.awssdk.fakefixture.FakeAwsType;

/** Deliberately breaks the rules, to prove they catch it: exposes an internal and an AWS type. */
public class LeakyApi {

    public DefaultBackendContext leak() {
        return null;
    }

    public FakeAwsType aws() {
        return new FakeAwsType();
    }
}
