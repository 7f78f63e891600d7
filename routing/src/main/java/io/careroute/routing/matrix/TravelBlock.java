package io.careroute.routing.matrix;

/**
 * Travel times (whole seconds) and distances (whole metres) from some places (rows) to others (columns), row-major;
 * {@link TravelMatrix#UNREACHABLE} where there is no route.
 */
public record TravelBlock(int rows, int columns, int[] secondsByPair, int[] metresByPair) {

    public TravelBlock {
        if (secondsByPair.length != rows * columns || metresByPair.length != rows * columns) {
            throw new IllegalArgumentException("block arrays must hold " + rows + "x" + columns + " entries");
        }
    }

    public int seconds(int row, int column) {
        return secondsByPair[row * columns + column];
    }

    public int metres(int row, int column) {
        return metresByPair[row * columns + column];
    }
}
