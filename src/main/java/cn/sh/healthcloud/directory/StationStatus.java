package cn.sh.healthcloud.directory;

import com.fasterxml.jackson.annotation.JsonValue;

/** A closed station stays in the directory (its id is referenced elsewhere) but leaves search results. */
public enum StationStatus {
    ACTIVE,
    CLOSED;

    @JsonValue
    public String id() {
        return name().toLowerCase();
    }
}
