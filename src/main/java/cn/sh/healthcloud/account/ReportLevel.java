package cn.sh.healthcloud.account;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A report's overall level (design §4), mildest first, so the worst finding decides it. */
public enum ReportLevel {
    NORMAL,
    ATTENTION,
    SEE_DOCTOR,
    URGENT;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
