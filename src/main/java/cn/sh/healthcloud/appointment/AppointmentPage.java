package cn.sh.healthcloud.appointment;

import java.util.List;

/** A page of my appointments. */
public record AppointmentPage(List<AppointmentView> items, int page, int size, boolean hasMore) {
}
