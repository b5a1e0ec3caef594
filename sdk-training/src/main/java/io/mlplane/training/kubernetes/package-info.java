/**
 * Training jobs on Kubernetes as Kubeflow training jobs (Training Operator v1 {@code PyTorchJob} by default,
 * {@code XGBoostJob} / {@code TFJob} when the spec's {@code mlplane.io/framework} tag says so, or Trainer v2
 * {@code TrainJob}), with the SageMaker container contract rebuilt from Kubernetes parts. How each step works:
 * <ol>
 *   <li>A ConfigMap {@code <job>-mlplane} holds {@code hyperparameters.json}, {@code inputdataconfig.json}, a
 *       {@code resourceconfig.json} template and two shell scripts; it is mounted at {@code /mlplane/config}.</li>
 *   <li>The init container {@code mlplane-stage} (the data-loader image) copies the config files into
 *       {@code /opt/ml/input/config} (filling in the pod's name as {@code current_host}), stages every channel
 *       into {@code /opt/ml/input/data/<channel>} ({@code aws s3 cp} for {@code s3://}, {@code cp} from a mounted
 *       claim for {@code pvc://claim/path}; {@code ShardedByS3Key} gives each host every n-th object), and restores
 *       checkpoints from an {@code s3://} checkpoint URI.</li>
 *   <li>The native sidecar {@code mlplane-deliver} (an init container with {@code restartPolicy: Always}) syncs
 *       {@code s3://} checkpoints every 30 s; when the pod ends it receives SIGTERM, packs {@code /opt/ml/model} as
 *       {@code model.tar.gz} and delivers it (master only) to {@code <outputUri>/<job>/output/model.tar.gz}, then syncs
 *       checkpoints a last time.</li>
 *   <li>The training container runs the image (with {@code train} as its argument, as SageMaker runs custom
 *       images) or the spec's entry point followed by the hyperparameters as {@code --name value} arguments, with
 *       the SageMaker training toolkit's {@code SM_*} environment; hosts are the pods' names, which resolve in
 *       the cluster.</li>
 *   <li>{@code pvc://} checkpoint URIs are mounted directly at the checkpoint local path instead.</li>
 * </ol>
 * Spot jobs get the configured node selector and tolerations, {@code restartPolicy: OnFailure} and the
 * configured backoff limit, so a preempted pod is recreated and resumes from its checkpoints. The deadline
 * ({@code activeDeadlineSeconds}) is the spot max wait, or else the max runtime. {@code stop()} suspends the job
 * ({@code suspend: true}): its pods go away, the job and its status stay.
 *
 * <p>Tuning jobs are Katib {@code Experiment}s whose trial template is the same Kubeflow job, packaged to stand
 * alone (the contract files inside the staging script, no ConfigMap) with Katib's {@code ${trialSpec.Name}} and
 * {@code ${trialParameters.<name>}} placeholders; see {@link KatibExperiments} and {@link KatibMetricsFormat}.
 */
@NullMarked
package io.mlplane.training.kubernetes;

import org.jspecify.annotations.NullMarked;
