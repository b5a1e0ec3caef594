/**
 * The {@code mock} backend: in memory, deterministic, on a {@link io.mlplane.core.mock.VirtualClock}, with
 * scriptable outcomes ({@link io.mlplane.core.mock.JobScript}) and fault injection. It is shipped as main code
 * so that users put it in their own unit tests, optionally through the JUnit 5 extension in
 * {@link io.mlplane.core.mock.junit}.
 */
@NullMarked
package io.mlplane.core.mock;

import org.jspecify.annotations.NullMarked;
