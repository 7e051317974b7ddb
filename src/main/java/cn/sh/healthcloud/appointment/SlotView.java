package cn.sh.healthcloud.appointment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;

/**
 * One slot in the public availability: {@code remaining} places for the public (referral places
 * still held are not among them), and {@code status}: {@code open}, {@code full}, {@code closed}
 * (with {@code closedReason}), {@code not-yet-open} (see {@code bookingOpensAt}) or {@code booking-closed}.
 * Written by hand into the cache, hence registered for reflection (native image).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SlotView(long id, OffsetDateTime startsAt, OffsetDateTime endsAt, String practitioner, int capacity,
        int remaining, int referralPlacesHeld, String status, OffsetDateTime bookingOpensAt,
        OffsetDateTime bookingClosesAt, String closedReason) {
}
