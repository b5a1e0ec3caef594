package io.mlplane.training.badfixture;

/** Deliberately prints from library code. */
public final class PrintingHelper {

    public static void shout() {
        System.out.println("library code should log, not print");
    }
}
