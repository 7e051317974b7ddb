package cn.sh.healthcloud.agent.session;

import cn.sh.healthcloud.agent.serial.InstrumentEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Whose measurements these are: the card presented ({@code resident-id-card} or
 * {@code medical-insurance-card}, its number, and the holder's name when the card gives it) or
 * nobody ({@code anonymous}). The number and name are personal data: {@link #toString()} masks them.
 */
public record Subject(String idType, String idNumber, String name) {

    public static final String ANONYMOUS = "anonymous";

    public static Subject anonymous() {
        return new Subject(ANONYMOUS, null, null);
    }

    public static Subject of(InstrumentEvent.CardPresented card) {
        return new Subject(card.idType(), card.idNumber().strip(), card.name());
    }

    public boolean isAnonymous() {
        return ANONYMOUS.equals(idType);
    }

    /** The same card (type and number); the name read with it may differ in spacing. */
    public boolean sameCardAs(Subject other) {
        return idType.equals(other.idType) && Objects.equals(idNumber, other.idNumber);
    }

    /** The §3.3 {@code subject} object: no {@code idNumber} for an anonymous reading. */
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("idType", idType);
        if (!isAnonymous()) {
            json.put("idNumber", idNumber);
        }
        return json;
    }

    @Override
    public String toString() {
        return isAnonymous() ? ANONYMOUS : idType + " " + InstrumentEvent.Masked.idNumber(idNumber);
    }
}
