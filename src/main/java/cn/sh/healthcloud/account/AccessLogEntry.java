package cn.sh.healthcloud.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One read of a resident's data by someone other than the resident. */
@Entity
@Table(name = "access_log")
public class AccessLogEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "resident_id")
    public UUID residentId;

    @Column(name = "accessor_subject")
    public String accessorSubject;

    @Column(name = "accessor_name")
    public String accessorName;

    @Column(name = "accessor_role")
    public String accessorRole;

    /** What was read, e.g. "health record". */
    public String what;

    /** Why, e.g. "family doctor", "alert". */
    public String why;

    @Column(name = "accessed_at", insertable = false, updatable = false)
    public OffsetDateTime accessedAt;
}
