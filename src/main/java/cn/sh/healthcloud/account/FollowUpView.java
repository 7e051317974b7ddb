package cn.sh.healthcloud.account;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A follow-up as recorded. */
public record FollowUpView(UUID id, LocalDate date, String note, OffsetDateTime recordedAt) {
}
