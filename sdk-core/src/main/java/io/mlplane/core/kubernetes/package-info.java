/**
 * The {@code kubernetes} backend's connection: {@link io.mlplane.core.kubernetes.KubernetesConfig} (namespace,
 * client, which Kubeflow training API to emit, the instance-type catalog, spot placement, data staging) and
 * {@link io.mlplane.core.kubernetes.KubernetesContext}. Get a provider with
 * {@link io.mlplane.core.MlProviders#kubernetes}.
 */
@NullMarked
package io.mlplane.core.kubernetes;

import org.jspecify.annotations.NullMarked;
