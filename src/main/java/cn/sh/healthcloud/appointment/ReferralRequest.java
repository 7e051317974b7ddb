package cn.sh.healthcloud.appointment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.UUID;

/** A family doctor's booking of a referral place for one of their signed residents (优先预约). */
public record ReferralRequest(@NotNull @Positive Long slotId, @NotNull UUID residentId) {
}
