package cn.sh.healthcloud.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the doctor did about the alert (called the resident, referred, …). */
public record AcknowledgeRequest(@NotBlank @Size(max = 500) String note) {
}
