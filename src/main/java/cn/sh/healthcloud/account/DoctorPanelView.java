package cn.sh.healthcloud.account;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The doctor's panel: how many signed residents are in each class, and a page of them grouped by
 * class (ill first), most overdue follow-up first within a class. Identifiers only masked.
 */
public record DoctorPanelView(Map<String, Long> counts, List<Group> groups, int page, int size, boolean hasMore) {

    public record Group(String healthClass, List<Entry> residents) {
    }

    /** One resident: enough to recognise them and see when their follow-up is due, nothing more. */
    public record Entry(UUID residentId, String name, String nationalIdMasked, LocalDate birthDate,
            NationalIdNumber.Sex sex, LocalDate lastFollowUpOn, LocalDate followUpDueOn, boolean followUpOverdue,
            long daysOverdue) {
    }
}
