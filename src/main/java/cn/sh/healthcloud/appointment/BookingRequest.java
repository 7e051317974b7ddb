package cn.sh.healthcloud.appointment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** The slot a resident books for themselves. */
public record BookingRequest(@NotNull @Positive Long slotId) {
}
