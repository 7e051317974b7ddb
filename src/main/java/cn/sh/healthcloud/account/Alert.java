package cn.sh.healthcloud.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An urgent reading or questionnaire answer in a family doctor's work list, open until they acknowledge it with a note. */
@Entity
@Table(name = "alert")
public class Alert {

    @Id
    public UUID id;

    @Column(name = "resident_id")
    public UUID residentId;

    @Column(name = "practitioner_id")
    public UUID practitionerId;

    @Column(name = "observation_id")
    public UUID observationId;

    /** The questionnaire response that raised it (PHQ-9 item 9); an alert has this or an observation. */
    @Column(name = "questionnaire_response_id")
    public UUID questionnaireResponseId;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public String code;

    @Column(name = "text_zh")
    public String textZh;

    @Column(name = "text_en")
    public String textEn;

    @Column(name = "acknowledged_at")
    public OffsetDateTime acknowledgedAt;

    @Column(name = "acknowledgement_note")
    public String acknowledgementNote;
}
