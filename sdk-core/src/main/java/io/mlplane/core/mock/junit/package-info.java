/**
 * A JUnit 5 extension that gives each test a fresh {@link io.mlplane.core.mock.MockProvider}: annotate the test
 * class with {@link io.mlplane.core.mock.junit.EnableMlMock} and declare a field or parameter of type
 * {@code MockProvider} (or {@code MlProvider}). Needs {@code junit-jupiter-api} on the test class path, which
 * JUnit 5 users have.
 */
@NullMarked
package io.mlplane.core.mock.junit;

import org.jspecify.annotations.NullMarked;
