package io.careroute.data.demo;

/** How big a generated street day is. */
public record DemoSize(int elders, int carriers, int careWorkers, int visits) {

    /** The bundled demo: ~60 meal orders, 8 carriers, 6 care workers, 20 home visits. */
    public static final DemoSize STREET = new DemoSize(60, 8, 6, 20);
}
