package io.careroute.benchmarks.mip;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The part of HiGHS's C API ({@code highs_c_api.h}) the set partitioner calls, through JNA. HiGHS's integers
 * ({@code HighsInt}) are 32 bits in OR-Tools' build. The library is OR-Tools' own libhighs.so.1, read from its native
 * jar on the class path ({@code ortools-linux-x86-64/}, as OR-Tools' loader reads it) into a temporary file once per
 * JVM: it needs nothing but the C and C++ runtimes.
 */
interface HighsLibrary extends Library {

    Pointer Highs_create();

    void Highs_destroy(Pointer highs);

    int Highs_passMip(Pointer highs, int numCol, int numRow, int numNz, int aFormat, int sense, double offset,
                      double[] colCost, double[] colLower, double[] colUpper, double[] rowLower, double[] rowUpper,
                      int[] aStart, int[] aIndex, double[] aValue, int[] integrality);

    int Highs_setSolution(Pointer highs, double[] colValue, double[] rowValue, double[] colDual, double[] rowDual);

    int Highs_run(Pointer highs);

    int Highs_getSolution(Pointer highs, double[] colValue, double[] colDual, double[] rowValue, double[] rowDual);

    int Highs_getIntInfoValue(Pointer highs, String info, int[] value);

    int Highs_setBoolOptionValue(Pointer highs, String option, int value);

    int Highs_setIntOptionValue(Pointer highs, String option, int value);

    int Highs_setDoubleOptionValue(Pointer highs, String option, double value);

    /** The library, loaded on first use. */
    static HighsLibrary get() {
        return Holder.LIBRARY;
    }

    /** Loads the library once, when first asked for (the JVM's class initialisation is the lock). */
    final class Holder {
        static final HighsLibrary LIBRARY = load();

        private Holder() {
        }

        private static HighsLibrary load() {
            String resource = "ortools-" + Platform.RESOURCE_PREFIX + "/libhighs.so.1";
            try (InputStream in = HighsLibrary.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("HiGHS's native library " + resource + " is not on the class path: "
                            + "the benchmarks carry OR-Tools' linux-x86-64 natives only (benchmarks/pom.xml)");
                }
                Path directory = Files.createTempDirectory("careroute-highs");
                Path file = directory.resolve("libhighs.so.1");
                Files.copy(in, file);
                directory.toFile().deleteOnExit();
                file.toFile().deleteOnExit();
                return Native.load(file.toString(), HighsLibrary.class);
            } catch (IOException e) {
                throw new UncheckedIOException("could not unpack HiGHS's native library", e);
            }
        }
    }
}
