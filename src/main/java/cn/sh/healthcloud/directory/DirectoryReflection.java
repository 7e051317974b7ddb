package cn.sh.healthcloud.directory;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Native executable: the station profile JSON column (and appointment schedules' sessions) is read
 * and written with {@code DatabaseJsonFormat.MAPPER}, outside what Quarkus registers for reflection.
 */
@RegisterForReflection(targets = { StationProfile.class, OpeningHours.class, TimeInterval.class, Closure.class,
        CareService.class })
final class DirectoryReflection {

    private DirectoryReflection() {
    }
}
