package cn.sh.healthcloud.appointment;

import com.fasterxml.jackson.annotation.JsonValue;

/** A booking's life: booked, then checked in or a no-show, unless cancelled by the resident or the station. */
public enum AppointmentStatus {
    BOOKED("booked"),
    CHECKED_IN("checked-in"),
    NO_SHOW("no-show"),
    CANCELLED("cancelled"),
    CANCELLED_BY_STATION("cancelled-by-station");

    private final String id;

    AppointmentStatus(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }
}
