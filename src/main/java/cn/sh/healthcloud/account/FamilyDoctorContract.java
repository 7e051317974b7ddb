package cn.sh.healthcloud.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A "1+1+1" signing: a resident with a family doctor at a community centre, plus a district and a
 * city hospital for referrals. Active until ended; ended contracts stay as history.
 */
@Entity
@Table(name = "family_doctor_contract")
public class FamilyDoctorContract {

    @Id
    public UUID id;

    @Column(name = "resident_id")
    public UUID residentId;

    @Column(name = "practitioner_id")
    public UUID practitionerId;

    @Column(name = "community_centre_id")
    public String communityCentreId;

    @Column(name = "district_hospital")
    public String districtHospital;

    @Column(name = "city_hospital")
    public String cityHospital;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "priority_groups")
    public PriorityGroups priorityGroups;

    @Column(name = "signed_at", updatable = false)
    public OffsetDateTime signedAt;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    @Column(name = "end_reason")
    public String endReason;

    @Version
    public int version;

    boolean isActive() {
        return endedAt == null;
    }
}
