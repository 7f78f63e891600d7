package io.careroute.data.problem;

import java.time.LocalDate;
import java.util.List;

import io.careroute.solver.domain.TravelMode;

public record WorkerDoc(
        String id,
        WorkerRole role,
        TravelMode mode,
        String gender,
        LocationDoc start,
        LocationDoc end,
        List<WindowDoc> shifts,
        Integer capacityBoxes,
        List<SkillDoc> skills,
        Double costPerHour,
        Double maxHoursPerDay,
        Double maxKmFromHome) {

    public List<WindowDoc> shiftsOrEmpty() {
        return shifts == null ? List.of() : shifts;
    }

    public List<SkillDoc> skillsOrEmpty() {
        return skills == null ? List.of() : skills;
    }

    public int capacityBoxesOrZero() {
        return capacityBoxes == null ? 0 : capacityBoxes;
    }

    /** Ends where it starts unless told otherwise. */
    public LocationDoc endOrStart() {
        return end == null ? start : end;
    }

    public record SkillDoc(String skill, LocalDate certificateExpires) {

        /** A skill counts on a day if it needs no certificate or its certificate has not expired by then. */
        public boolean validOn(LocalDate day) {
            return certificateExpires == null || !certificateExpires.isBefore(day);
        }
    }
}
