package cn.sh.healthcloud.assessment;

import java.util.List;
import java.util.Objects;

/** The report of one kiosk session: overall level (its worst finding), findings and prescriptions. */
public record Assessment(Level level, List<Finding> findings, List<Prescription> prescriptions) {

    public Assessment {
        Objects.requireNonNull(level, "level");
        findings = List.copyOf(findings);
        prescriptions = List.copyOf(prescriptions);
    }
}
