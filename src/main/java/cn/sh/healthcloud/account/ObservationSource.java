package cn.sh.healthcloud.account;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a measurement was taken. */
public enum ObservationSource {
    KIOSK,
    HOME,
    CLINIC;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
