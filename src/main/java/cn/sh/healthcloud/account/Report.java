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

/** An assessment report in a resident's account. */
@Entity
@Table(name = "report")
public class Report {

    @Id
    public UUID id;

    @Column(name = "resident_id")
    public UUID residentId;

    /** The kiosk session it assesses (one report per session); none for other reports. */
    @Column(name = "session_id")
    public UUID sessionId;

    /** The kiosk id or clinic that produced it. */
    @Column(name = "source_ref")
    public String sourceRef;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Enumerated(EnumType.STRING)
    public ReportLevel level;

    @JdbcTypeCode(SqlTypes.JSON)
    public ReportContent content;
}
