package cn.sh.healthcloud.agent.serial;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** What an instrument driver reports to the agent. */
public sealed interface InstrumentEvent {

    /** The instrument that produced a reading, as the §3.3 {@code device} object. */
    record Device(String vendor, String model, String serial) {
    }

    /**
     * One instrument's result: the §3.3 {@code measurements} array, each entry a map holding
     * {@code "type"} and the type's fields (e.g. {@code systolic}, {@code diastolic}, {@code pulse},
     * {@code unit}), with the names, units and ranges of the service's measurement types.
     */
    record Measured(OffsetDateTime takenAt, Device device, List<Map<String, Object>> measurements)
            implements InstrumentEvent {
    }

    /**
     * A card presented at the reader. {@code idType} is {@code resident-id-card} or
     * {@code medical-insurance-card}. The number and name are personal data: never logged, never
     * written to disk in clear; {@link #toString()} masks them.
     */
    record CardPresented(String idType, String idNumber, String name) implements InstrumentEvent {
        @Override
        public String toString() {
            return "CardPresented[" + idType + ", " + Masked.idNumber(idNumber) + "]";
        }
    }

    /** The card was taken away: the resident is done. */
    record CardRemoved() implements InstrumentEvent {
    }

    /** Masking for log lines: the first four and the last character, as the service does. */
    final class Masked {
        private Masked() {
        }

        public static String idNumber(String number) {
            if (number == null || number.length() < 6) {
                return "****";
            }
            return number.substring(0, 4) + "*".repeat(number.length() - 5) + number.charAt(number.length() - 1);
        }
    }
}
