package io.careroute.data.registry;

import java.time.LocalTime;

/** A window by the clock ({@code "09:00"}–{@code "11:30"}), local to the registry's time zone, on whichever day. */
public record TimeOfDayWindow(LocalTime start, LocalTime end) {
}
