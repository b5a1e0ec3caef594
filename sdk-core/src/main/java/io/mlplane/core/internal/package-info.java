/** Implementation of sdk-core; not for use outside this module. */
@NullMarked
package io.mlplane.core.internal;

import org.jspecify.annotations.NullMarked;
