package cn.sh.healthcloud.account;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/** A resident in their family doctor's list: enough to recognise and triage, nothing more. */
public record SignedResidentView(UUID residentId, String name, String nationalIdMasked, LocalDate birthDate,
        NationalIdNumber.Sex sex, Set<PriorityGroup> priorityGroups, OffsetDateTime signedAt, ReportLevel latestLevel,
        OffsetDateTime latestReportAt) {
}
