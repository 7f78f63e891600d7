package io.careroute.data.problem;

public record LocationDoc(Double lat, Double lon) {

    /** Coordinates are personal data when they are an elder's home: never print them in logs. */
    @Override
    public String toString() {
        return "LocationDoc[masked]";
    }
}
