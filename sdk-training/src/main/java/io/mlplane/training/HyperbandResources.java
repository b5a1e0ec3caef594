package io.mlplane.training;

/**
 * The resource budget of Hyperband trials, in the unit the training program counts (usually epochs): Hyperband
 * never stops a trial before {@code minResource} and stops every trial at {@code maxResource}. SageMaker takes it as
 * {@code HyperbandStrategyConfig}; Katib's hyperband sets the budget hyperparameter of each trial from it. Without
 * it, SageMaker infers the maximum from a static {@code epochs}-like hyperparameter of the template.
 *
 * @param minResource the fewest resources a trial gets, at least 1
 * @param maxResource the most resources a trial gets, at least {@code minResource} and at most 20,000
 */
public record HyperbandResources(int minResource, int maxResource) {

    /** The budget from {@code minResource} to {@code maxResource}; checked by {@link TuningJobSpec.Builder#build()}. */
    public static HyperbandResources of(int minResource, int maxResource) {
        return new HyperbandResources(minResource, maxResource);
    }
}
