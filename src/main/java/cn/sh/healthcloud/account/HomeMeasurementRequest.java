package cn.sh.healthcloud.account;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A measurement a resident took at home: when, with which device (free text), and the measurement
 * in the same flat form kiosks send, e.g. {@code {"type":"blood-pressure","systolic":132,"diastolic":84}}.
 */
public record HomeMeasurementRequest(
        @NotNull OffsetDateTime takenAt,
        @Size(max = 64) String device,
        @NotEmpty Map<String, Object> measurement) {
}
