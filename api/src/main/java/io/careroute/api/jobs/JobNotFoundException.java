package io.careroute.api.jobs;

public class JobNotFoundException extends RuntimeException {

    private final String id;

    public JobNotFoundException(String id) {
        super("no plan job " + id);
        this.id = id;
    }

    public String id() {
        return id;
    }
}
