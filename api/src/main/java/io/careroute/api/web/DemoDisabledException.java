package io.careroute.api.web;

/** A demo resource asked of a server started without the demo (careroute.demo=false). */
class DemoDisabledException extends RuntimeException {

    DemoDisabledException() {
        super("the demo is not enabled");
    }
}
