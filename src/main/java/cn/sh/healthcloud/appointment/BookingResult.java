package cn.sh.healthcloud.appointment;

/** A booking, and whether it is the replay of an earlier request with the same Idempotency-Key. */
record BookingResult(AppointmentView appointment, boolean replayed) {
}
