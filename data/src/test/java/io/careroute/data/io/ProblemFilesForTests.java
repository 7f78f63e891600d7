package io.careroute.data.io;

import io.careroute.data.problem.ProblemDocument;

/** Lets tests in other packages use the hand-built test problem of this package. */
public final class ProblemFilesForTests {

    private ProblemFilesForTests() {
    }

    public static ProblemDocument smallProblem() {
        return SmallProblem.document();
    }
}
