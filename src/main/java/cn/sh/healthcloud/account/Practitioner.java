package cn.sh.healthcloud.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A family doctor at a community health centre, known by their OIDC subject. */
@Entity
@Table(name = "practitioner")
public class Practitioner {

    @Id
    public UUID id;

    public String subject;

    public String name;

    /** Their community health centre (a directory station id). */
    @Column(name = "station_id")
    public String stationId;
}
