package cn.sh.healthcloud.account;

import cn.sh.healthcloud.measurement.MeasurementType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One measurement in a resident's account. */
@Entity
@Table(name = "observation")
public class Observation {

    @Id
    public UUID id;

    @Column(name = "resident_id")
    public UUID residentId;

    @Convert(converter = MeasurementTypeColumn.class)
    public MeasurementType type;

    @Column(name = "taken_at")
    public OffsetDateTime takenAt;

    @Enumerated(EnumType.STRING)
    public ObservationSource source;

    /** The kiosk id, or the home device as the resident names it. */
    @Column(name = "source_ref")
    public String sourceRef;

    /** The kiosk reading this came from (design §3.3 readingId); none for home measurements. */
    @Column(name = "reading_id")
    public UUID readingId;

    @JdbcTypeCode(SqlTypes.JSON)
    public ObservationValues measurement;
}
