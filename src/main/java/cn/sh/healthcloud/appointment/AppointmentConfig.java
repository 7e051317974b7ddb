package cn.sh.healthcloud.appointment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "healthcloud.appointment")
public interface AppointmentConfig {

    /** How many days ahead (today included) slots exist; the window job keeps it filled. */
    @WithDefault("14")
    int windowDays();

    /** How often the window job runs (materialising new days, forgetting old idempotency records). */
    @WithDefault("1h")
    Duration windowInterval();

    /** Defaults of a schedule's booking times; a schedule may set its own. */
    Booking booking();

    NoShow noShow();

    RateLimit rateLimit();

    /** How long a day's availability stays in Redis; bounds staleness that invalidation misses. */
    @WithDefault("3s")
    Duration availabilityCacheTtl();

    /**
     * How long a replica serves a day from its own memory before asking Redis again: during a rush
     * thousands read the same days, and each booking deletes its day from Redis. Also how long
     * another replica's booking may take to show here.
     */
    @WithDefault("500ms")
    Duration availabilityLocalTtl();

    /** The longest date range one availability request may ask for, in days. */
    @WithDefault("31")
    int maxAvailabilityDays();

    /** How long an Idempotency-Key is remembered. */
    @WithDefault("24h")
    Duration idempotencyRetention();

    interface Booking {
        /** Booking opens this long before a slot starts. */
        @WithDefault("168h")
        Duration opensBefore();

        /** Booking closes this long before a slot starts. */
        @WithDefault("30m")
        Duration closesBefore();

        /** Residents may cancel until this long before the slot. */
        @WithDefault("2h")
        Duration cancelCutoff();

        /** Referral places nobody took are released to the public this long before the slot. */
        @WithDefault("24h")
        Duration referralReleaseBefore();
    }

    interface NoShow {
        /** This many no-shows within {@link #window()} suspend booking. */
        @WithDefault("3")
        int limit();

        /** How far back no-shows count. */
        @WithDefault("2160h")
        Duration window();

        /** How long booking stays suspended after the last of those no-shows. */
        @WithDefault("720h")
        Duration suspension();
    }

    interface RateLimit {
        /** Booking attempts a caller may make per {@link #window()}. */
        @WithDefault("20")
        int attempts();

        @WithDefault("60s")
        Duration window();
    }
}
