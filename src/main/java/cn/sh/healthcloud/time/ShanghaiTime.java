package cn.sh.healthcloud.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/**
 * Shanghai's wall clock. Opening hours, booking windows and "today" on dashboards are local time in
 * Asia/Shanghai whatever zone a server runs in; a {@link Clock} bean lets tests pin "now".
 */
public final class ShanghaiTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Produces
    @Singleton
    static Clock clock() {
        return Clock.system(ZONE);
    }
}
