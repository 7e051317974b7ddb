package cn.sh.healthcloud.appointment;

import cn.sh.healthcloud.directory.CareService;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A closure, with how many slots it closed and how many bookings it cancelled. Only ever sent inside
 * a {@code Response}, hence registered for reflection (native image).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClosureView(UUID id, String stationId, LocalDate from, LocalDate to, CareService service, String reason,
        int slotsClosed, int appointmentsCancelled) {
}
