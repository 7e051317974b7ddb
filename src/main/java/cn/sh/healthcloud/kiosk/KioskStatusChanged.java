package cn.sh.healthcloud.kiosk;

/** A kiosk went online or offline (its retained status changed), fired after the change is stored. */
public record KioskStatusChanged(String kioskId, String stationId, boolean online) {
}
