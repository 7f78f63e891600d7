package io.careroute.routing.network;

/** The road profiles careroute routes with, one per way workers travel. */
public enum TravelProfile {
    FOOT("foot"),
    BICYCLE("bike"),
    EBIKE("ebike"),
    CAR("car");

    private final String profileName;

    TravelProfile(String profileName) {
        this.profileName = profileName;
    }

    /** GraphHopper's name of the profile. */
    public String profileName() {
        return profileName;
    }
}
