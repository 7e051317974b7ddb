package cn.sh.healthcloud.measurement;

import java.util.List;

/**
 * One field of a measurement as kiosks and the app send it: a number with its unit, LOINC code
 * (where one exists) and plausible range, or a coded text with its allowed values.
 * Ranges reject broken input; they are not clinical thresholds.
 */
public record Component(String name, String unit, String loinc, double min, double max, boolean required,
        List<String> codes) {

    static Component number(String name, String unit, String loinc, double min, double max) {
        return new Component(name, unit, loinc, min, max, true, List.of());
    }

    static Component optionalNumber(String name, String unit, String loinc, double min, double max) {
        return new Component(name, unit, loinc, min, max, false, List.of());
    }

    static Component code(String name, List<String> codes) {
        return new Component(name, null, null, 0, 0, true, codes);
    }

    public boolean isCoded() {
        return !codes.isEmpty();
    }
}
