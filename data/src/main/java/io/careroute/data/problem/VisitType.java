package io.careroute.data.problem;

/** Home-visit types, with their Chinese service names. */
public enum VisitType {
    CHECK_IN("巡视探访"),
    CLEANING("助洁"),
    BATHING("助浴"),
    MEDICAL_ESCORT("助医"),
    ERRAND("代买代购"),
    REPAIR("维修"),
    EMERGENCY("助急");

    private final String chinese;

    VisitType(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    /** Intimate personal care: an elder's required worker gender applies (GB/T 43153-2023 practice). */
    public boolean isPersonalCare() {
        return this == BATHING;
    }
}
