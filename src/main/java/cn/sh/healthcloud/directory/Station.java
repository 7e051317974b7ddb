package cn.sh.healthcloud.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A facility of the directory, as stored. Positions are WGS-84. */
@Entity
@Table(name = "station")
public class Station {

    @Id
    public String id;

    public FacilityType type;

    public String name;

    public String district;

    public String street;

    public String address;

    public double lat;

    public double lon;

    public String phone;

    @Column(name = "parent_id")
    public String parentId;

    @JdbcTypeCode(SqlTypes.JSON)
    public StationProfile profile;

    @Enumerated(EnumType.STRING)
    public StationStatus status = StationStatus.ACTIVE;

    @Column(name = "closed_reason")
    public String closedReason;

    @Version
    public int version;

    /** Copies a validated request onto this station; the id, status and version are not the request's to set. */
    void apply(StationRequest request, GeoPoint wgs84) {
        type = request.type();
        name = request.name().strip();
        district = request.district();
        street = request.street() == null ? null : request.street().strip();
        address = request.address().strip();
        lat = wgs84.lat();
        lon = wgs84.lon();
        phone = request.phone();
        parentId = request.parentId();
        profile = new StationProfile(Set.copyOf(request.services()), request.openingHours(), request.closures());
    }

    GeoPoint position() {
        return new GeoPoint(lat, lon);
    }
}
