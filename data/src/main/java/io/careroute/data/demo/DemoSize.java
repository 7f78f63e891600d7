package io.careroute.data.demo;

/**
 * How big a generated day is.
 *
 * @param dinnerShare fraction of elders who also order dinner (delivered by carriers with an evening shift)
 */
public record DemoSize(int elders, int kitchens, int carriers, int careWorkers, int visits, double dinnerShare) {

    /** The bundled demo street: 60 lunch orders (15 with dinner), 1 kitchen, 8 carriers, 6 care workers, 20 visits. */
    public static final DemoSize STREET = new DemoSize(60, 1, 8, 6, 20, 0.25);

    /** A district's central-kitchen day for the scale benchmark: 2,000 orders from 3 kitchens, 120 carriers. */
    public static final DemoSize DISTRICT = new DemoSize(2000, 3, 120, 0, 0, 0.0);

    /** A home-care centre's day for the dispatch benchmark: 500 visits to 400 elders by 50 care workers, no meals. */
    public static final DemoSize DISPATCH = new DemoSize(400, 0, 0, 50, 500, 0.0);
}
