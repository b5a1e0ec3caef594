package io.mlplane.training;

/** How a tuning job chooses the hyperparameters of its next trials. */
public enum Strategy {
    /** Models the objective from the trials so far and picks promising points. */
    BAYESIAN("Bayesian"),
    /** Samples independently at random. */
    RANDOM("Random"),
    /** Tries every combination of categorical values. */
    GRID("Grid"),
    /** Runs many trials briefly and gives more resources to the best (successive halving). */
    HYPERBAND("Hyperband");

    private final String wireName;

    Strategy(String wireName) {
        this.wireName = wireName;
    }

    /** SageMaker's name for the strategy. */
    public String wireName() {
        return wireName;
    }
}
