package cn.sh.healthcloud.kiosk;

import cn.sh.healthcloud.assessment.Level;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/** Counters of the kiosk stream, on /q/metrics as healthcloud_kiosk_*. */
@ApplicationScoped
class IngestionMetrics {

    private final MeterRegistry registry;
    private final Counter received;
    private final Counter stored;
    private final Counter duplicates;
    private final Counter closes;
    private final Counter retried;
    private final Counter unrecordable;

    IngestionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.received = registry.counter("healthcloud.kiosk.messages.received");
        this.stored = registry.counter("healthcloud.kiosk.readings.stored");
        this.duplicates = registry.counter("healthcloud.kiosk.readings.duplicate");
        this.closes = registry.counter("healthcloud.kiosk.sessions.closed");
        this.retried = registry.counter("healthcloud.kiosk.batches.retried");
        this.unrecordable = registry.counter("healthcloud.kiosk.messages.unrecordable");
    }

    void received() {
        received.increment();
    }

    void batch(ReadingBatchWriter.Outcome outcome) {
        stored.increment(outcome.stored());
        duplicates.increment(outcome.duplicates());
        closes.increment(outcome.closes());
        outcome.rejections().forEach(r -> registry.counter("healthcloud.kiosk.messages.rejected", "reason", r.reason())
                .increment());
    }

    void batchRetried() {
        retried.increment();
    }

    void unrecordable() {
        unrecordable.increment();
    }

    void assessed(Level level) {
        registry.counter("healthcloud.kiosk.sessions.assessed", "level", level.name().toLowerCase(Locale.ROOT)).increment();
    }
}
