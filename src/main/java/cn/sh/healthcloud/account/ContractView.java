package cn.sh.healthcloud.account;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/** A family-doctor contract as its resident sees it. */
public record ContractView(UUID id, PractitionerView familyDoctor, String communityCentreId, String districtHospital,
        String cityHospital, Set<PriorityGroup> priorityGroups, OffsetDateTime signedAt, OffsetDateTime endedAt,
        String endReason) {

    static ContractView of(FamilyDoctorContract c, Practitioner doctor) {
        return new ContractView(c.id, PractitionerView.of(doctor), c.communityCentreId, c.districtHospital,
                c.cityHospital, c.priorityGroups.groups(), c.signedAt, c.endedAt, c.endReason);
    }
}
