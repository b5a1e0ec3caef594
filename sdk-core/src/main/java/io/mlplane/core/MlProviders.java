package io.mlplane.core;

import io.mlplane.core.mock.MockProvider;

/**
 * Where providers come from: one static factory per backend.
 *
 * <pre>{@code
 * MockProvider ml = MlProviders.mock();      // in-memory, virtual clock, scriptable: for unit tests
 * }</pre>
 */
public final class MlProviders {

    private MlProviders() {
    }

    /**
     * A fresh in-memory backend on a virtual clock, for tests and demos. Jobs progress as virtual time
     * advances, which it does whenever something waits on them.
     */
    public static MockProvider mock() {
        return MockProvider.create();
    }
}
