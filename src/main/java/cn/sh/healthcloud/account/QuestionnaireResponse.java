package cn.sh.healthcloud.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A resident's answers to one version of a questionnaire, with the result as it was given then:
 * a later version of the questionnaire never changes a stored score, band or prescription.
 */
@Entity
@Table(name = "questionnaire_response")
public class QuestionnaireResponse {

    /** Answered in the app; {@code kiosk} is kept for answers that arrive over MQTT. */
    static final String FROM_APP = "app";

    @Id
    public UUID id;

    @Column(name = "resident_id")
    public UUID residentId;

    @Column(name = "questionnaire_id")
    public String questionnaireId;

    public int version;

    @JdbcTypeCode(SqlTypes.JSON)
    public QuestionnaireAnswers answers;

    public int score;

    /** The band's code in the definition of this version. */
    public String band;

    @Enumerated(EnumType.STRING)
    public ReportLevel level;

    @JdbcTypeCode(SqlTypes.JSON)
    public QuestionnairePrescriptions prescriptions;

    public boolean urgent;

    @Column(name = "family_doctor_alerted")
    public boolean familyDoctorAlerted;

    public String source;

    @Column(name = "kiosk_id")
    public String kioskId;

    @Column(name = "reading_id")
    public UUID readingId;

    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;
}
