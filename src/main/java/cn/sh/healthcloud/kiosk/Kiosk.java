package cn.sh.healthcloud.kiosk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A smart-health kiosk (自助健康检测一体机) registered at a station; retired ones stay for their readings. */
@Entity
@Table(name = "kiosk")
public class Kiosk {

    @Id
    public String id;

    @Column(name = "station_id")
    public String stationId;

    public String label;

    @Column(name = "registered_at")
    public OffsetDateTime registeredAt;

    @Column(name = "retired_at")
    public OffsetDateTime retiredAt;

    /** online / offline from the retained status topic; unknown until the kiosk first connects. */
    public String state;

    @Column(name = "state_changed_at")
    public OffsetDateTime stateChangedAt;
}
