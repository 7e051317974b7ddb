package cn.sh.healthcloud.directory;

/** Station ids read "310110-0007": the district, then a serial within it (kiosk ids follow the same shape). */
public final class StationIds {

    private StationIds() {
    }

    public static String format(String district, int serial) {
        return String.format("%s-%04d", district, serial);
    }
}
