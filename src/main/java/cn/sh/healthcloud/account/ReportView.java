package cn.sh.healthcloud.account;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A report as the resident (or their family doctor) reads it. */
public record ReportView(UUID id, OffsetDateTime createdAt, String source, UUID sessionId, ReportLevel level,
        List<ReportContent.Finding> findings, List<ReportContent.Prescription> prescriptions, List<UUID> observationIds) {

    static ReportView of(Report r) {
        return new ReportView(r.id, r.createdAt, r.sourceRef, r.sessionId, r.level, r.content.findings(),
                r.content.prescriptions(), r.content.observationIds());
    }
}
