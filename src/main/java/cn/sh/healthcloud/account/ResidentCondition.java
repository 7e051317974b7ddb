package cn.sh.healthcloud.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A condition the signed family doctor recorded for a resident (code and status as their ids). */
@Entity
@Table(name = "resident_condition")
public class ResidentCondition {

    @Id
    public UUID id;

    @Column(name = "resident_id")
    public UUID residentId;

    public String code;

    public String status;

    public LocalDate since;

    public String note;

    @Column(name = "practitioner_id")
    public UUID practitionerId;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public int version;
}
