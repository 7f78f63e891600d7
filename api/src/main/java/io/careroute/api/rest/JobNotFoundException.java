package io.careroute.api.rest;

class JobNotFoundException extends RuntimeException {

    final String id;

    JobNotFoundException(String id) {
        super("no plan job " + id);
        this.id = id;
    }
}
